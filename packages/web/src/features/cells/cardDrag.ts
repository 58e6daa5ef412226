import { IdSchema, LANE_TYPES, cardKindsForLane, type CardKind, type LaneType } from "@opencjm/core";

/** The drag payload type of a card: JSON `{ cardId, kind, laneId, stepId }`. */
export const CARD_DRAG_TYPE = "application/x-opencjm-card";

const KIND_TYPE_PREFIX = "application/x-opencjm-card-kind-";

/** Where a dragged card comes from. */
export interface CardDragPayload {
  cardId: string;
  kind: CardKind;
  laneId: string;
  stepId: string;
}

const KINDS: ReadonlySet<string> = new Set(LANE_TYPES.flatMap((type) => cardKindsForLane(type)));

/**
 * A drag type naming the card kind. Browsers hide drag data until the drop but show the types during `dragover`,
 * so a cell can refuse a card that does not fit its lane before the user lets go. Types are lower-cased by browsers.
 */
export function cardKindDragType(kind: CardKind): string {
  return `${KIND_TYPE_PREFIX}${kind.toLowerCase()}`;
}

/** Puts a card on the drag: its payload, its kind, and its text for drops outside the app. */
export function startCardDrag(dataTransfer: DataTransfer, payload: CardDragPayload, text: string): void {
  dataTransfer.setData(CARD_DRAG_TYPE, JSON.stringify(payload));
  dataTransfer.setData(cardKindDragType(payload.kind), "1");
  dataTransfer.setData("text/plain", text);
  dataTransfer.effectAllowed = "move";
}

/** True when the drag carries a card that a lane of this type accepts (usable during `dragover`). */
export function dragFitsLane(dataTransfer: DataTransfer | null, laneType: LaneType): boolean {
  if (!dataTransfer) return false;
  const types = Array.from(dataTransfer.types);
  if (!types.includes(CARD_DRAG_TYPE)) return false;
  return cardKindsForLane(laneType).some((kind) => types.includes(cardKindDragType(kind)));
}

/** The dropped card, or null when the drag holds no valid card payload (drags from other pages are untrusted). */
export function readCardDrag(dataTransfer: DataTransfer | null): CardDragPayload | null {
  const raw = dataTransfer?.getData(CARD_DRAG_TYPE);
  if (!raw || raw.length > 1000) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { cardId, kind, laneId, stepId } = value as Record<string, unknown>;
  const ids = [cardId, laneId, stepId].map((id) => IdSchema.safeParse(id));
  if (!ids.every((r) => r.success) || typeof kind !== "string" || !KINDS.has(kind)) return null;
  return { cardId: cardId as string, kind: kind as CardKind, laneId: laneId as string, stepId: stepId as string };
}
