import * as Y from "yjs";
import { emotionKey, mapRoots, toEntity, type EntityRoot } from "./mapDocument.js";
import type { MapOperation } from "./mapOperation.js";

/** The cards a batch reads by id: the ones it updates, moves or removes, and the ids it gives new cards. */
function namedCards(operations: readonly MapOperation[]): Set<string> {
  const ids = new Set<string>();
  for (const op of operations) {
    if ("cardId" in op) ids.add(op.cardId);
    if (op.op === "addCard" && op.id) ids.add(op.id);
  }
  return ids;
}

/**
 * A scratch document holding what a batch can read: settings, stages, steps and lanes in full, and the cards and
 * emotion points the batch names. Run with a `MapIndex` of the real document (which knows every card's cell and
 * order and every emotion point), a dry run on it decides exactly what a dry run on a full copy would — without
 * copying every card: a full copy of a 20,000-card map took over a second on every edit.
 */
export function scratchForBatch(doc: Y.Doc, operations: readonly MapOperation[]): Y.Doc {
  const source = mapRoots(doc);
  const scratch = new Y.Doc();
  const target = mapRoots(scratch);
  scratch.transact(() => {
    for (const [key, value] of source.meta.entries()) target.meta.set(key, structuredClone(value));
    for (const [key, value] of source.settings.entries()) target.settings.set(key, structuredClone(value));
    const copy = (root: EntityRoot, id: string) => {
      const entity = source[root].get(id);
      if (entity) target[root].set(id, toEntity(Object.fromEntries(entity.entries())));
    };
    for (const root of ["stages", "steps", "lanes"] as const) for (const id of source[root].keys()) copy(root, id);
    for (const id of namedCards(operations)) copy("cards", id);
    for (const op of operations) {
      if (op.op !== "setEmotion" && op.op !== "clearEmotion") continue;
      const key = emotionKey(op.personaId, op.stepId);
      const point = source.emotions.get(key);
      if (point) target.emotions.set(key, { ...point });
    }
  });
  return scratch;
}
