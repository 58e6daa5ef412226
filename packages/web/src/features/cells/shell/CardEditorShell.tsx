import type { Card } from "@opencjm/core";
import { ChevronDown, ChevronUp, GripVertical, MessageSquare, Trash2 } from "lucide-react";
import { useContext, type DragEvent, type KeyboardEvent, type ReactNode } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import { CommentBadgesContext } from "../../comments/CommentsContext.js";
import type { CardSave } from "../CardView.js";
import { COMMENT_SHORTCUT, isCommentShortcut } from "./commentShortcut.js";
import { EvidencePicker } from "./EvidencePicker.js";
import type { DropSide } from "./CardShell.js";
import styles from "./CardEditorShell.module.css";

/** Moves and removals of a card within its cell. */
export interface CardMoves {
  moveUp?: () => void;
  moveDown?: () => void;
  remove: () => void;
}

/**
 * The frame of a card in edit mode: its fields, then (drawn above them) a drag handle, evidence picker, comments, move
 * and delete buttons; Alt+↑/↓ anywhere in the card moves it within the cell, Ctrl+Alt+M opens its comments.
 */
export function CardEditorShell({
  card,
  label,
  save,
  moves,
  children,
  onDragStart,
  dropSide,
}: {
  card: Card;
  label: string;
  save: CardSave;
  moves: CardMoves;
  children: ReactNode;
  onDragStart?: (event: DragEvent<HTMLElement>) => void;
  dropSide?: DropSide | null;
}) {
  const t = useT();
  // Absent outside the live editor (and in the cell tests): no comments there.
  const comments = useContext(CommentBadgesContext);
  const openComments = comments && (() => comments.open({ kind: "card", cardId: card.id }));
  const onKeyDown = (event: KeyboardEvent) => {
    if (openComments && isCommentShortcut(event)) {
      // The card's own thread, not its cell's (GridCell takes the same keys from the rest of the cell).
      event.preventDefault();
      openComments();
      return;
    }
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const move = event.key === "ArrowUp" ? moves.moveUp : event.key === "ArrowDown" ? moves.moveDown : undefined;
    if (!move) return;
    event.preventDefault();
    event.stopPropagation();
    move();
  };
  return (
    <li
      className={`${styles.card} ${dropSide ? styles[dropSide] : ""}`}
      data-card-id={card.id}
      data-kind={card.kind}
      aria-label={label}
      aria-keyshortcuts={openComments ? COMMENT_SHORTCUT : undefined}
      onKeyDown={onKeyDown}
    >
      <div className={styles.body}>{children}</div>
      {/* After the card's fields in the tab order (its text first, then what acts on it), drawn above them (CSS order). */}
      <div className={styles.toolbar}>
        <span
          className={styles.handle}
          draggable
          onDragStart={onDragStart}
          title={t("cells.card.drag")}
          aria-hidden="true"
        >
          <GripVertical size={14} />
        </span>
        <EvidencePicker card={card} save={save} />
        <span className={styles.spacer} />
        {openComments && (
          <button
            type="button"
            className={styles.tool}
            aria-label={t("cells.card.comments")}
            title={t("cells.card.comments")}
            aria-keyshortcuts={COMMENT_SHORTCUT}
            onClick={openComments}
          >
            <MessageSquare size={14} aria-hidden="true" />
          </button>
        )}
        <button
          type="button"
          className={styles.tool}
          aria-label={t("cells.card.moveUp")}
          title={t("cells.card.moveUp")}
          disabled={!moves.moveUp}
          onClick={moves.moveUp}
        >
          <ChevronUp size={14} aria-hidden="true" />
        </button>
        <button
          type="button"
          className={styles.tool}
          aria-label={t("cells.card.moveDown")}
          title={t("cells.card.moveDown")}
          disabled={!moves.moveDown}
          onClick={moves.moveDown}
        >
          <ChevronDown size={14} aria-hidden="true" />
        </button>
        <button
          type="button"
          className={`${styles.tool} ${styles.danger}`}
          aria-label={t("cells.card.delete")}
          title={t("cells.card.delete")}
          onClick={moves.remove}
        >
          <Trash2 size={14} aria-hidden="true" />
        </button>
      </div>
    </li>
  );
}
