// Worker-thread side of mapStateMerger.ts: folds a map's state and logged updates (mergeMapState) away from the
// server's event loop, where a compaction of 500 rows held every editor's messages for 20–50 ms.
import { parentPort } from "node:worker_threads";
import { mergeMapState, type MergedMapState } from "./mergeMapState.js";

/** The parts to fold, numbered so the answer finds its caller. */
export interface MergeRequest {
  id: number;
  parts: Uint8Array[];
  withSnapshot: boolean;
}

/** The folded state, or why it could not be made. */
export type MergeAnswer = { id: number; merged: MergedMapState } | { id: number; error: string };

parentPort?.on("message", ({ id, parts, withSnapshot }: MergeRequest) => {
  let answer: MergeAnswer;
  try {
    answer = { id, merged: mergeMapState(parts, withSnapshot) };
  } catch (err) {
    answer = { id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(answer);
});
