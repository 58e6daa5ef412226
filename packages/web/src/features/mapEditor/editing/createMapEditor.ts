import {
  applyMapOperation,
  mapRoots,
  MapOperationError,
  MapOperationSchema,
  newId,
  type MapOperation,
} from "@opencjm/core";
import * as Y from "yjs";
import type { MapView } from "../store/MapView.js";
import { dryRunOperations } from "./dryRunOperations.js";
import type { EditRefusal, HistoryState, MapEditor } from "./MapEditor.js";

/** Edits within this time that change the same fields of the same things merge into one undo step (typing). */
const MERGE_MS = 700;

function withIds(ops: MapOperation[]): MapOperation[] {
  // Ids are fixed before the dry run so the real run creates exactly what was checked.
  return ops.map((op) =>
    op.op.startsWith("add") && "id" in op && !op.id ? { ...op, id: newId() } : op,
  ) as MapOperation[];
}

/** What a batch changes, ignoring the new values: two batches with the same signature in a row are one gesture. */
function signature(ops: readonly MapOperation[]): string {
  return ops
    .map((op) => {
      const { op: kind, ...rest } = op as MapOperation & Record<string, unknown>;
      const target = Object.entries(rest)
        .filter(([k]) => k.endsWith("Id") && k !== "id")
        .map(([k, v]) => `${k}=${String(v)}`);
      const fields =
        "fields" in op ? Object.keys(op.fields).sort() : "settings" in op ? Object.keys(op.settings).sort() : [];
      return `${kind}(${target.join(",")};${fields.join(",")})`;
    })
    .join("|");
}

function refusalOf(err: unknown): EditRefusal {
  if (err instanceof MapOperationError) return { code: err.code, detail: err.message };
  return { code: "invalid", detail: err instanceof Error ? err.message : String(err) };
}

/**
 * The editor of a live map document. Batches are checked first (zod, then a dry run) and then applied in one Yjs
 * transaction whose origin is this editor, so the undo manager — which tracks only that origin — undoes this user's
 * edits and never a collaborator's.
 */
export function createMapEditor(
  doc: Y.Doc,
  view: MapView,
  options: { readOnly: boolean; onRefused: (refusal: EditRefusal) => void },
): MapEditor {
  const origin = { editor: newId() };
  const roots = mapRoots(doc);
  const undoManager = new Y.UndoManager(
    [roots.settings, roots.stages, roots.steps, roots.lanes, roots.cards, roots.emotions],
    {
      trackedOrigins: new Set([origin]),
      captureTimeout: MERGE_MS,
    },
  );
  let lastSignature = "";
  let history: HistoryState = { canUndo: false, canRedo: false };
  const listeners = new Set<() => void>();
  const refreshHistory = () => {
    const next = { canUndo: undoManager.canUndo(), canRedo: undoManager.canRedo() };
    if (next.canUndo === history.canUndo && next.canRedo === history.canRedo) return;
    history = next;
    for (const l of [...listeners]) l();
  };
  for (const event of ["stack-item-added", "stack-item-popped", "stack-cleared"] as const)
    undoManager.on(event, refreshHistory);

  return {
    readOnly: options.readOnly,
    apply(input) {
      if (options.readOnly) {
        options.onRefused({ code: "read_only", detail: "" });
        return false;
      }
      const parsed: MapOperation[] = [];
      for (const [index, op] of input.entries()) {
        const result = MapOperationSchema.safeParse(op);
        if (!result.success) {
          const issue = result.error.issues[0];
          options.onRefused({
            code: "invalid",
            detail: `operations[${index}].${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`,
          });
          return false;
        }
        parsed.push(result.data);
      }
      const ops = withIds(parsed);
      try {
        dryRunOperations(view, ops);
      } catch (err) {
        options.onRefused(refusalOf(err));
        return false;
      }
      const sig = signature(ops);
      if (sig !== lastSignature) undoManager.stopCapturing();
      lastSignature = sig;
      try {
        doc.transact(() => {
          for (const op of ops) applyMapOperation(doc, op);
        }, origin);
      } catch (err) {
        // The dry run passed, so this should not happen; if it does, take back what the batch did apply.
        undoManager.undo();
        lastSignature = "";
        options.onRefused(refusalOf(err));
        return false;
      }
      return true;
    },
    stopCapturing() {
      lastSignature = "";
      undoManager.stopCapturing();
    },
    undo() {
      lastSignature = "";
      undoManager.undo();
    },
    redo() {
      lastSignature = "";
      undoManager.redo();
    },
    getHistory: () => history,
    subscribeHistory(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      undoManager.destroy();
      listeners.clear();
    },
  };
}
