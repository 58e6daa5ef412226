import type { CommentAnchor } from "@opencjm/core";

/** One string per anchor, for counting threads by where they are. */
export function anchorKey(anchor: CommentAnchor): string {
  switch (anchor.kind) {
    case "map":
      return "map";
    case "card":
      return `card:${anchor.cardId}`;
    case "step":
      return `step:${anchor.stepId}`;
    case "cell":
      return `cell:${anchor.laneId}:${anchor.stepId}`;
    case "idea":
      return `idea:${anchor.ideaId}`;
  }
}
