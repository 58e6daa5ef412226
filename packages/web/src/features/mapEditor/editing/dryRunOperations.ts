import {
  applyMapOperations,
  snapshotToDoc,
  MAP_DOCUMENT_VERSION,
  type Cell,
  type MapOperation,
  type MapSnapshot,
} from "@opencjm/core";
import type { MapView } from "../store/MapView.js";

function cellsTouched(view: MapView, ops: readonly MapOperation[]): Set<string> {
  const keys = new Set<string>();
  for (const op of ops) {
    if (op.op === "addCard" || op.op === "clearCell") keys.add(`${op.laneId}:${op.stepId}`);
    if (op.op === "updateCard" || op.op === "removeCard" || op.op === "moveCard") {
      const at = view.locateCard(op.cardId);
      if (at) keys.add(at);
      if (op.op === "moveCard" && at) {
        const [laneId, stepId] = at.split(":");
        keys.add(`${op.laneId ?? laneId}:${op.stepId ?? stepId}`);
      }
    }
  }
  return keys;
}

/**
 * Checks a batch the way core's `applyMapOperations` does — by running it, all of it, on a scratch document — but on
 * a scratch holding only what the batch can consult: settings, stages, steps, lanes, emotions and the cards of the
 * cells it touches. Core's own dry run copies the whole document (about 0.1 s for a 40 × 20 map with a few cards
 * per cell), far too slow for a keystroke; this one costs a millisecond. Throws core's `MapBatchError` when refused.
 */
export function dryRunOperations(view: MapView, ops: readonly MapOperation[]): void {
  const structure = view.getStructure();
  const cells: Cell[] = [];
  for (const key of cellsTouched(view, ops)) {
    const [laneId, stepId] = key.split(":") as [string, string];
    const cards = view.getCell(laneId, stepId);
    if (cards.length > 0) cells.push({ laneId, stepId, cards: [...cards] } as Cell);
  }
  const emotions = [...view.getEmotions()].flatMap(([personaId, bySteps]) =>
    [...bySteps].map(([stepId, e]) => ({ personaId, stepId, value: e.value, note: e.note })),
  );
  const snapshot = {
    version: MAP_DOCUMENT_VERSION,
    settings: view.getSettings(),
    stages: [...structure.stages],
    steps: [...structure.steps],
    lanes: [...structure.lanes],
    cells,
    emotions,
  } as MapSnapshot;
  const scratch = snapshotToDoc(snapshot);
  try {
    applyMapOperations(scratch, ops);
  } finally {
    scratch.destroy();
  }
}
