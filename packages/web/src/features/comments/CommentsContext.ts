import type { CommentAnchor, CommentThread } from "@opencjm/core";
import { createContext, useContext } from "react";

/** What the grid's badges need: open threads per anchor, whether one may comment, and how to open the panel. */
export interface CommentBadges {
  /** Open threads by `anchorKey`. */
  openCounts: ReadonlyMap<string, number>;
  canComment: boolean;
  /** Opens the comments panel on an anchor's threads (or on every thread of the map). */
  open: (anchor?: CommentAnchor) => void;
}

/** What the comments panel needs besides the badges. */
export interface CommentsState extends CommentBadges {
  workspaceId: string;
  mapId: string;
  meId: string;
  /** Owners may delete anyone's comment. */
  isOwner: boolean;
  threads: readonly CommentThread[];
  loading: boolean;
  failed: boolean;
}

/** The badges' view of the map's comments; absent outside the live editor (shared, embedded, printed maps). */
export const CommentBadgesContext = createContext<CommentBadges | null>(null);

/** The whole comments state of the map open in the editor. */
export const CommentsStateContext = createContext<CommentsState | null>(null);

/** The comments state; only inside the live editor. */
export function useCommentsState(): CommentsState {
  const value = useContext(CommentsStateContext);
  if (!value) throw new Error("useCommentsState must be used inside <CommentsProvider>");
  return value;
}
