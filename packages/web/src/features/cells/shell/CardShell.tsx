import type { Card } from "@opencjm/core";
import type { DragEvent, ReactNode } from "react";
import styles from "./CardShell.module.css";

/** Which side of a card a dragged card would land on. */
export type DropSide = "before" | "after";

/** The frame of a card in the grid: its evidence marker, its content, and (when editable) a drag source. */
export function CardShell({
  card,
  marker,
  children,
  onDragStart,
  dropSide,
  accent,
  badge,
  offers,
}: {
  card: Card;
  marker: ReactNode;
  children: ReactNode;
  onDragStart?: (event: DragEvent<HTMLElement>) => void;
  dropSide?: DropSide | null;
  accent?: string;
  /** Something shown at the card's end (its open comment threads). */
  badge?: ReactNode;
  /** Buttons that start something from the card (a thread, an idea), over its top end while it is hovered or focused. */
  offers?: ReactNode;
}) {
  return (
    <li
      className={`${styles.card} ${dropSide ? styles[dropSide] : ""}`}
      data-card-id={card.id}
      data-kind={card.kind}
      draggable={onDragStart ? true : undefined}
      onDragStart={onDragStart}
      style={accent ? { borderInlineStartColor: accent } : undefined}
    >
      {marker}
      <div className={styles.body} data-testid="card-body">
        {children}
      </div>
      {badge && <span className={styles.counts}>{badge}</span>}
      {offers && <span className={styles.offers}>{offers}</span>}
    </li>
  );
}
