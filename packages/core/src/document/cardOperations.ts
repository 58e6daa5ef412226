import type * as Y from "yjs";
import { newId } from "../ids.js";
import { CardSchema, cardKindsForLane, type Card, type LaneType } from "../schemas/lane.js";
import { MapSettingsSchema } from "../schemas/journeyMap.js";
import { MapOperationError } from "./MapOperationError.js";
import { cellKey, parentKeyOf, type MapIndex } from "./MapIndex.js";
import { mapLimitError, MAP_LIMITS } from "./mapLimits.js";
import { emotionKey, mapRoots, requireEntity, toEntity, type Entity } from "./mapDocument.js";
import type { MapOperation } from "./mapOperation.js";
import { keyForPosition } from "./position.js";
import { placeEntity, putEntity } from "./structureOperations.js";

type Op<K extends MapOperation["op"]> = Extract<MapOperation, { op: K }>;

function laneType(doc: Y.Doc, laneId: string): LaneType {
  return requireEntity(doc, "lanes", laneId, "laneId").get("type") as LaneType;
}

function requireKindFits(doc: Y.Doc, laneId: string, kind: Card["kind"]): void {
  const type = laneType(doc, laneId);
  const allowed = cardKindsForLane(type);
  if (!allowed.includes(kind)) {
    const hint = allowed.length
      ? `it holds ${allowed.join(", ")} cards`
      : "it holds emotion points, set with setEmotion";
    throw new MapOperationError("invalid", `a ${kind} card cannot go in a ${type} lane (${hint})`, "card.kind");
  }
}

/** Refuses a card arriving in a full cell; `adding` also counts it against the map's card limit. */
function requireCellRoom(index: MapIndex, cell: string, adding: boolean): void {
  const cards = index.of("cards");
  if (adding && cards.count() >= MAP_LIMITS.cards) throw mapLimitError("cards", cards.count() + 1);
  if (cards.countOf(cell) >= MAP_LIMITS.cardsPerCell) throw mapLimitError("cardsPerCell", cards.countOf(cell) + 1);
}

/** Validates a card against its schema, turning zod's complaint into an error naming the field. */
function parseCard(value: unknown, fieldPrefix: string): Card {
  const parsed = CardSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = [fieldPrefix, ...(issue?.path.map(String) ?? [])].join(".");
  throw new MapOperationError("invalid", `${path}: ${issue?.message ?? "invalid card"}`, path);
}

/** Adds a card to the cell at (lane, step); returns its id. */
export function addCard(doc: Y.Doc, op: Op<"addCard">, index: MapIndex): string {
  requireEntity(doc, "steps", op.stepId, "stepId");
  requireKindFits(doc, op.laneId, op.card.kind);
  const id = op.id ?? newId();
  const cell = cellKey(op.laneId, op.stepId);
  if (!mapRoots(doc).cards.has(id)) requireCellRoom(index, cell, true);
  const order = keyForPosition(index.of("cards").siblings(cell), op.position);
  const card = parseCard({ ...op.card, id, order }, "card");
  putEntity(doc, index, "cards", id, toEntity({ ...card, laneId: op.laneId, stepId: op.stepId }));
  return id;
}

/** Changes some fields of a card; the result must still be a valid card of its kind. */
export function updateCard(doc: Y.Doc, op: Op<"updateCard">): void {
  const entity = requireEntity(doc, "cards", op.cardId, "cardId");
  for (const key of ["id", "order", "kind", "laneId", "stepId"]) {
    if (key in op.fields)
      throw new MapOperationError("invalid", `fields.${key} cannot be changed by updateCard`, `fields.${key}`);
  }
  const current = cardOf(entity);
  const next = parseCard({ ...current, ...op.fields }, "fields");
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(entity.get(key)) !== JSON.stringify(value)) entity.set(key, structuredClone(value));
  }
}

/**
 * Replaces a card's content whole, keeping its id, order, lane and step: how a card that no longer fits its schema
 * (listed in a snapshot's `unreadableCards`) is repaired. Fields the new content lacks are removed.
 */
export function replaceCard(doc: Y.Doc, op: Op<"replaceCard">): void {
  const entity = requireEntity(doc, "cards", op.cardId, "cardId");
  const laneId = String(entity.get("laneId"));
  requireKindFits(doc, laneId, op.card.kind);
  const card = parseCard({ ...op.card, id: op.cardId, order: String(entity.get("order")) }, "card");
  const next: Record<string, unknown> = { ...card, laneId, stepId: entity.get("stepId") };
  for (const key of [...entity.keys()]) if (!(key in next)) entity.delete(key);
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(entity.get(key)) !== JSON.stringify(value)) entity.set(key, structuredClone(value));
  }
}

/** Moves a card within its cell or into another cell of a lane that accepts it. */
export function moveCard(doc: Y.Doc, op: Op<"moveCard">, index: MapIndex): void {
  const entity = requireEntity(doc, "cards", op.cardId, "cardId");
  const laneId = op.laneId ?? String(entity.get("laneId"));
  const stepId = op.stepId ?? String(entity.get("stepId"));
  requireEntity(doc, "steps", stepId, "stepId");
  requireKindFits(doc, laneId, entity.get("kind") as Card["kind"]);
  const cell = cellKey(laneId, stepId);
  if (cell !== parentKeyOf("cards", entity)) requireCellRoom(index, cell, false);
  const order = keyForPosition(index.of("cards").siblings(cell, op.cardId), op.position);
  placeEntity(index, "cards", op.cardId, entity, order, () => {
    if (entity.get("laneId") !== laneId) entity.set("laneId", laneId);
    if (entity.get("stepId") !== stepId) entity.set("stepId", stepId);
  });
}

/** Removes a card. */
export function removeCard(doc: Y.Doc, op: Op<"removeCard">, index: MapIndex): void {
  const entity = requireEntity(doc, "cards", op.cardId, "cardId");
  index.of("cards").remove(parentKeyOf("cards", entity), op.cardId);
  mapRoots(doc).cards.delete(op.cardId);
}

/** Removes every card of a cell. */
export function clearCell(doc: Y.Doc, op: Op<"clearCell">, index: MapIndex): void {
  requireEntity(doc, "lanes", op.laneId, "laneId");
  requireEntity(doc, "steps", op.stepId, "stepId");
  const { cards } = mapRoots(doc);
  for (const id of index.of("cards").removeParent(cellKey(op.laneId, op.stepId))) cards.delete(id);
}

/** Sets a persona's emotion at a step; the value must lie on the map's emotion scale. */
export function setEmotion(doc: Y.Doc, op: Op<"setEmotion">, index: MapIndex): void {
  requireEntity(doc, "steps", op.stepId, "stepId");
  const { settings, emotions } = mapRoots(doc);
  const scale = MapSettingsSchema.shape.emotionScale.parse(settings.get("emotionScale"));
  if (op.value < scale.min || op.value > scale.max) {
    throw new MapOperationError(
      "out_of_range",
      `value ${op.value} is outside the map's emotion scale ${scale.min}…${scale.max}`,
      "value",
    );
  }
  const key = emotionKey(op.personaId, op.stepId);
  const keys = index.emotionKeys();
  if (!keys.has(key)) {
    if (keys.size >= MAP_LIMITS.emotions) throw mapLimitError("emotions", keys.size + 1);
    keys.add(key);
  }
  emotions.set(key, { value: op.value, note: op.note ?? emotions.get(key)?.note ?? "" });
}

/** Removes a persona's emotion at a step. */
export function clearEmotion(doc: Y.Doc, op: Op<"clearEmotion">, index: MapIndex): void {
  const key = emotionKey(op.personaId, op.stepId);
  if (!index.emotionKeys().delete(key))
    throw new MapOperationError(
      "not_found",
      `no emotion for persona "${op.personaId}" at step "${op.stepId}"`,
      "stepId",
    );
  mapRoots(doc).emotions.delete(key);
}

/** The card fields of a stored card entity (without its lane and step). */
export function cardOf(entity: Entity): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entity.entries()) if (key !== "laneId" && key !== "stepId") out[key] = value;
  return out;
}
