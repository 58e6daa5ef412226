import * as Y from "yjs";
import { z } from "zod";
import {
  CellSchema,
  MAP_DOCUMENT_VERSION,
  MapSettingsSchema,
  MapSnapshotSchema,
  type Cell,
  type MapSnapshot,
  type UnreadableCard,
} from "../schemas/journeyMap.js";
import { CardSchema, type Card } from "../schemas/lane.js";
import { cardOf } from "./cardOperations.js";
import { emotionKey, mapRoots, toEntity, writeSettings, type Entity } from "./mapDocument.js";
import { sortSiblings } from "./position.js";

/**
 * The snapshot schema with each cell's cards taken as they are: `docToSnapshot` has parsed every card with CardSchema
 * already, and parsing them a second time (a copy of each) was a quarter of its time on a 2,000-card map.
 */
const SnapshotOfParsedCards = MapSnapshotSchema.extend({
  cells: z.array(CellSchema.extend({ cards: z.array(z.custom<Card>()).max(10_000) })).max(1_000_000),
});

function sortedEntities(root: Y.Map<Entity>): Array<[string, Entity]> {
  const order = sortSiblings([...root.entries()].map(([id, e]) => ({ id, order: String(e.get("order")) })));
  return order.map(({ id }) => [id, root.get(id) as Entity]);
}

function fields(entity: Entity): Record<string, unknown> {
  return Object.fromEntries(entity.entries());
}

/**
 * The map body as plain JSON, sorted by order. Entities left dangling by concurrent edits (a card added to a lane
 * someone else deleted at the same moment) are left out, so a snapshot is always referentially whole. A card that
 * does not fit its schema is not dropped: it is listed in `unreadableCards` with its raw fields and the problem.
 */
export function docToSnapshot(doc: Y.Doc): MapSnapshot {
  const roots = mapRoots(doc);
  const stages = sortedEntities(roots.stages).map(([id, e]) => ({ ...fields(e), id }));
  const stageIds = new Set(stages.map((s) => s.id));
  const stageRank = new Map(stages.map((s, i) => [s.id, i]));
  const steps = sortedEntities(roots.steps)
    .map(([id, e]) => ({ ...fields(e), id }) as { id: string; stageId: string })
    .filter((s) => stageIds.has(s.stageId))
    .sort((a, b) => (stageRank.get(a.stageId) ?? 0) - (stageRank.get(b.stageId) ?? 0));
  const stepIds = new Set(steps.map((s) => s.id));
  const lanes = sortedEntities(roots.lanes).map(([id, e]) => ({ ...fields(e), id }));
  const laneIds = new Set(lanes.map((l) => l.id));
  const cells = new Map<string, Cell>();
  const unreadableCards: UnreadableCard[] = [];
  for (const [cardId, entity] of sortedEntities(roots.cards)) {
    const laneId = String(entity.get("laneId"));
    const stepId = String(entity.get("stepId"));
    if (!laneIds.has(laneId) || !stepIds.has(stepId)) continue;
    const card = CardSchema.safeParse(cardOf(entity));
    if (!card.success) {
      const issue = card.error.issues[0];
      const fields = JSON.parse(JSON.stringify(cardOf(entity))) as Record<string, unknown>;
      unreadableCards.push({
        id: cardId,
        laneId,
        stepId,
        fields,
        problem: `${issue?.path.join(".") || "card"}: ${issue?.message ?? "invalid"}`.slice(0, 500),
      });
      continue;
    }
    const key = `${laneId}:${stepId}`;
    const cell = cells.get(key) ?? ({ laneId, stepId, cards: [] as Card[] } as Cell);
    cell.cards.push(card.data);
    cells.set(key, cell);
  }
  const laneRank = new Map(lanes.map((l, i) => [l.id, i]));
  const stepRank = new Map(steps.map((s, i) => [s.id, i]));
  const emotions = [...roots.emotions.entries()]
    .map(([key, point]) => {
      const split = key.lastIndexOf(":");
      return {
        personaId: key.slice(0, split),
        stepId: key.slice(split + 1),
        value: point.value,
        note: point.note ?? "",
      };
    })
    .filter((e) => stepIds.has(e.stepId))
    .sort((a, b) => stepRank.get(a.stepId)! - stepRank.get(b.stepId)! || (a.personaId < b.personaId ? -1 : 1));
  return SnapshotOfParsedCards.parse({
    version: MAP_DOCUMENT_VERSION,
    settings: MapSettingsSchema.parse(Object.fromEntries(roots.settings.entries())),
    stages,
    steps,
    lanes,
    cells: [...cells.values()].sort(
      (a, b) => laneRank.get(a.laneId)! - laneRank.get(b.laneId)! || stepRank.get(a.stepId)! - stepRank.get(b.stepId)!,
    ),
    emotions,
    ...(unreadableCards.length > 0 ? { unreadableCards } : {}),
  });
}

/** Fills an empty document (or a new one) with a snapshot; the inverse of `docToSnapshot`. */
export function snapshotToDoc(snapshot: MapSnapshot, doc: Y.Doc = new Y.Doc()): Y.Doc {
  doc.transact(() => {
    const roots = mapRoots(doc);
    roots.meta.set("version", MAP_DOCUMENT_VERSION);
    writeSettings(roots.settings, snapshot.settings);
    for (const { id, ...rest } of snapshot.stages) roots.stages.set(id, toEntity(rest));
    for (const { id, ...rest } of snapshot.steps) roots.steps.set(id, toEntity(rest));
    for (const { id, ...rest } of snapshot.lanes) roots.lanes.set(id, toEntity(rest));
    for (const cell of snapshot.cells) {
      for (const card of cell.cards)
        roots.cards.set(card.id, toEntity({ ...card, laneId: cell.laneId, stepId: cell.stepId }));
    }
    for (const e of snapshot.emotions)
      roots.emotions.set(emotionKey(e.personaId, e.stepId), { value: e.value, note: e.note });
  });
  return doc;
}
