import type * as Y from "yjs";
import { newId } from "../ids.js";
import { MapSettingsSchema } from "../schemas/journeyMap.js";
import {
  addCard,
  clearCell,
  clearEmotion,
  moveCard,
  removeCard,
  replaceCard,
  setEmotion,
  updateCard,
} from "./cardOperations.js";
import { MapOperationError } from "./MapOperationError.js";
import { MapIndex } from "./MapIndex.js";
import { scratchForBatch } from "./batchScratch.js";
import { mapRoots, writeSettings } from "./mapDocument.js";
import type { MapOperation } from "./mapOperation.js";
import {
  addLane,
  addStage,
  addStep,
  deleteLane,
  deleteStage,
  deleteStep,
  moveLane,
  moveStage,
  moveStep,
  updateLane,
  updateStage,
  updateStep,
} from "./structureOperations.js";

/**
 * Applies one operation inside the caller's transaction; returns the id of anything it created. Operations of one
 * batch share an `index`, so each need not scan the whole map again.
 */
export function applyMapOperation(doc: Y.Doc, op: MapOperation, index: MapIndex = new MapIndex(doc)): { id?: string } {
  switch (op.op) {
    case "updateSettings": {
      const current = Object.fromEntries(mapRoots(doc).settings.entries());
      const merged = MapSettingsSchema.safeParse({ ...current, ...op.settings });
      if (!merged.success) {
        const issue = merged.error.issues[0];
        const path = ["settings", ...(issue?.path.map(String) ?? [])].join(".");
        throw new MapOperationError("invalid", `${path}: ${issue?.message}`, path);
      }
      writeSettings(mapRoots(doc).settings, op.settings);
      return {};
    }
    case "addStage":
      return { id: addStage(doc, op, index) };
    case "updateStage":
      return (updateStage(doc, op), {});
    case "moveStage":
      return (moveStage(doc, op, index), {});
    case "deleteStage":
      return (deleteStage(doc, op, index), {});
    case "addStep":
      return { id: addStep(doc, op, index) };
    case "updateStep":
      return (updateStep(doc, op), {});
    case "moveStep":
      return (moveStep(doc, op, index), {});
    case "deleteStep":
      return (deleteStep(doc, op, index), {});
    case "addLane":
      return { id: addLane(doc, op, index) };
    case "updateLane":
      return (updateLane(doc, op), {});
    case "moveLane":
      return (moveLane(doc, op, index), {});
    case "deleteLane":
      return (deleteLane(doc, op, index), {});
    case "addCard":
      return { id: addCard(doc, op, index) };
    case "updateCard":
      return (updateCard(doc, op), {});
    case "replaceCard":
      return (replaceCard(doc, op), {});
    case "moveCard":
      return (moveCard(doc, op, index), {});
    case "removeCard":
      return (removeCard(doc, op, index), {});
    case "clearCell":
      return (clearCell(doc, op, index), {});
    case "setEmotion":
      return (setEmotion(doc, op, index), {});
    case "clearEmotion":
      return (clearEmotion(doc, op, index), {});
  }
}

/** A failed operation of a batch, with its index. */
export class MapBatchError extends MapOperationError {
  constructor(
    readonly index: number,
    cause: MapOperationError,
  ) {
    super(cause.code, `operations[${index}]${cause.field ? `.${cause.field}` : ""}: ${cause.message}`, cause.field);
  }
}

/**
 * Applies a batch all-or-nothing in one transaction: the batch first runs on a scratch copy of what it can read
 * (`scratchForBatch`), and only if every operation succeeds does it run on the real document (with the same
 * pre-assigned ids, so results are identical).
 */
export function applyMapOperations(
  doc: Y.Doc,
  operations: readonly MapOperation[],
  origin: unknown = null,
): Array<{ id?: string }> {
  const withIds = operations.map((op) =>
    "id" in op && op.op.startsWith("add") && !op.id ? { ...op, id: newId() } : op,
  ) as MapOperation[];
  const scratch = scratchForBatch(doc, withIds);
  try {
    scratch.transact(() => {
      const index = new MapIndex(doc);
      withIds.forEach((op, i) => {
        try {
          applyMapOperation(scratch, op, index);
        } catch (err) {
          throw err instanceof MapOperationError ? new MapBatchError(i, err) : err;
        }
      });
    });
  } finally {
    scratch.destroy();
  }
  let results: Array<{ id?: string }> = [];
  doc.transact(() => {
    const index = new MapIndex(doc);
    results = withIds.map((op) => applyMapOperation(doc, op, index));
  }, origin);
  return results;
}
