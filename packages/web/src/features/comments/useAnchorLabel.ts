import type { CommentAnchor } from "@opencjm/core";
import { useCallback, useContext, useSyncExternalStore } from "react";
import { useT } from "../../i18n/I18nProvider.js";
import { viewOf } from "../cells/cardViews.js";
import { GridContext } from "../mapEditor/grid/GridContext.js";
import { TOPIC } from "../mapEditor/store/MapView.js";
import { useMapView, useStructure } from "../mapEditor/store/useMapView.js";

const SHORT = 60;
const shorten = (text: string) => (text.length > SHORT ? `${text.slice(0, SHORT - 1)}…` : text);

/**
 * What a thread is about, in words: "Card: Compares prices", "Step: Checkout", "Cell: Actions · Checkout" or "The
 * whole map", read from the live map so a rename shows at once; null when the card, step or cell is gone.
 */
export function useAnchorLabel(anchor: CommentAnchor): string | null {
  const t = useT();
  const view = useMapView();
  const structure = useStructure();
  const grid = useContext(GridContext);
  const subscribeCards = useCallback((l: () => void) => view.subscribe(TOPIC.cards, l), [view]);
  const cellOfCard = useSyncExternalStore(subscribeCards, () =>
    anchor.kind === "card" ? view.locateCard(anchor.cardId) : undefined,
  );
  const untitled = t("common.state.untitled");
  switch (anchor.kind) {
    case "map":
      return t("comments.anchor.map");
    case "idea":
      return t("comments.anchor.idea");
    case "step": {
      const step = structure.steps.find((s) => s.id === anchor.stepId);
      return step ? t("comments.anchor.step", { name: shorten(step.name || untitled) }) : null;
    }
    case "cell": {
      const step = structure.steps.find((s) => s.id === anchor.stepId);
      const lane = structure.lanes.find((l) => l.id === anchor.laneId);
      return step && lane
        ? t("comments.anchor.cell", { lane: shorten(lane.name || untitled), step: shorten(step.name || untitled) })
        : null;
    }
    case "card": {
      if (!cellOfCard) return null;
      const [laneId, stepId] = cellOfCard.split(":") as [string, string];
      const card = view.getCell(laneId, stepId).find((c) => c.id === anchor.cardId);
      const lane = structure.lanes.find((l) => l.id === laneId);
      if (!card || !lane || !grid) return null;
      const text = viewOf(card.kind).plainText(card, {
        catalogue: grid.catalogue,
        laneType: lane.type,
        cellKey: cellOfCard,
      });
      return t("comments.anchor.card", { text: shorten(text || untitled) });
    }
  }
}
