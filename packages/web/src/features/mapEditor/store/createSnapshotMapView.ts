import type { Card, MapSnapshot } from "@opencjm/core";
import { buildStructure } from "./buildStructure.js";
import { cellKey, type EmotionIndex, type EmotionValue, type MapView } from "./MapView.js";

const EMPTY: readonly Card[] = Object.freeze([]);

/** A fixed view of a map snapshot (share, embed and print pages): the same grid, without a live document. */
export function createSnapshotMapView(snapshot: MapSnapshot): MapView {
  const structure = buildStructure(snapshot.stages, snapshot.steps, snapshot.lanes);
  const cells = new Map<string, readonly Card[]>(
    snapshot.cells.filter((c) => c.cards.length > 0).map((c) => [cellKey(c.laneId, c.stepId), c.cards]),
  );
  const emotions = new Map<string, Map<string, EmotionValue>>();
  for (const point of snapshot.emotions) {
    const byStep = emotions.get(point.personaId) ?? new Map<string, EmotionValue>();
    byStep.set(point.stepId, { value: point.value, note: point.note });
    emotions.set(point.personaId, byStep);
  }
  const cardCells = new Map(
    snapshot.cells.flatMap((c) => c.cards.map((card) => [card.id, cellKey(c.laneId, c.stepId)] as const)),
  );
  const frozenEmotions: EmotionIndex = emotions;
  return {
    getStructure: () => structure,
    getSettings: () => snapshot.settings,
    getCell: (laneId, stepId) => cells.get(cellKey(laneId, stepId)) ?? EMPTY,
    countCell: (laneId, stepId) => cells.get(cellKey(laneId, stepId))?.length ?? 0,
    getEmotions: () => frozenEmotions,
    cells: () => cells.entries(),
    locateCard: (cardId) => cardCells.get(cardId),
    subscribe: () => () => {},
    destroy: () => {},
  };
}
