import type { Card, Lane, MapOperationInput, Step } from "@opencjm/core";
import { useState, type DragEvent } from "react";
import { dragFitsLane, readCardDrag } from "./cardDrag.js";
import type { DropSide } from "./shell/CardShell.js";

/** Where a dragged card would land: beside a card, or at the end of the cell. */
export interface DropTarget {
  cardId: string | null;
  side: DropSide;
}

function targetOf(event: DragEvent<HTMLElement>): DropTarget {
  const card = (event.target as Element).closest?.("[data-card-id]");
  if (!card || !event.currentTarget.contains(card)) return { cardId: null, side: "after" };
  const box = card.getBoundingClientRect();
  return {
    cardId: card.getAttribute("data-card-id"),
    side: event.clientY < box.top + box.height / 2 ? "before" : "after",
  };
}

/**
 * Makes a cell a drop target for cards: cards of a kind the lane holds, from this cell or another, land before or
 * after the card under the pointer (or at the end) with one `moveCard`.
 */
export function useCardDrop({
  lane,
  step,
  cards,
  enabled,
  onEdit,
}: {
  lane: Lane;
  step: Step;
  cards: readonly Card[];
  enabled: boolean;
  onEdit: (ops: MapOperationInput[]) => boolean;
}) {
  const [target, setTarget] = useState<DropTarget | null>(null);
  if (!enabled) return { target: null, handlers: {} };
  const handlers = {
    onDragOver(event: DragEvent<HTMLElement>) {
      if (!dragFitsLane(event.dataTransfer, lane.type)) return;
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = "move";
      const next = targetOf(event);
      if (next.cardId !== target?.cardId || next.side !== target?.side) setTarget(next);
    },
    onDragLeave(event: DragEvent<HTMLElement>) {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setTarget(null);
    },
    onDrop(event: DragEvent<HTMLElement>) {
      const payload = readCardDrag(event.dataTransfer);
      const where = targetOf(event);
      setTarget(null);
      if (!payload || !dragFitsLane(event.dataTransfer, lane.type)) return;
      event.preventDefault();
      event.stopPropagation();
      if (where.cardId === payload.cardId) return;
      const last = cards.filter((c) => c.id !== payload.cardId).at(-1);
      const position = where.cardId ? { [where.side]: where.cardId } : last ? { after: last.id } : undefined;
      onEdit([
        { op: "moveCard", cardId: payload.cardId, laneId: lane.id, stepId: step.id, ...(position ? { position } : {}) },
      ]);
    },
    onDragEnd() {
      setTarget(null);
    },
  };
  return { target, handlers };
}
