import type { KeyboardEvent } from "react";

/**
 * The key that opens the comments of what has the focus — a focused cell's, or a card's while the cursor is in it —
 * as `aria-keyshortcuts` names it (the tooltips say Ctrl+Alt+M: comments.badge.shortcut, cells.card.comments).
 */
export const COMMENT_SHORTCUT = "Control+Alt+M";

/** True for the comment shortcut: ⌘ stands in for Ctrl on a Mac, and the key is read by place, as Alt changes its letter. */
export function isCommentShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey && e.code === "KeyM";
}
