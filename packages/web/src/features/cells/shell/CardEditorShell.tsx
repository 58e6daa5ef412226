import type { Card } from "@opencjm/core";
import { ChevronDown, ChevronUp, GripVertical, Trash2 } from "lucide-react";
import type { DragEvent, KeyboardEvent, ReactNode } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import type { CardSave } from "../CardView.js";
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
 * The frame of a card in edit mode: evidence picker, move and delete buttons, a drag handle; Alt+↑/↓ anywhere in
 * the card moves it within the cell.
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
  const onKeyDown = (event: KeyboardEvent) => {
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
      onKeyDown={onKeyDown}
    >
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
      <div className={styles.body}>{children}</div>
    </li>
  );
}
