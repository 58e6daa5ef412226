import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { mergeMapState, type MergedMapState } from "./mergeMapState.js";
import type { MergeAnswer, MergeRequest } from "./mapStateMergerWorker.js";

interface Pending {
  resolve(merged: MergedMapState): void;
  reject(err: Error): void;
}

const script = new URL("./mapStateMergerWorker.js", import.meta.url);
let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let next = 0;

function ensureWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(script);
  started.unref();
  started.on("message", (answer: MergeAnswer) => {
    const p = pending.get(answer.id);
    if (!p) return;
    pending.delete(answer.id);
    // An idle merger does not keep the process alive.
    if (pending.size === 0) started.unref();
    if ("error" in answer) p.reject(new Error(answer.error));
    else p.resolve(answer.merged);
  });
  const fail = (err: Error) => {
    // A crashed merger fails the compactions it had (they are tried again later); the next one starts a fresh thread.
    if (worker === started) worker = undefined;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(err);
    }
  };
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`the map state merger stopped (exit code ${code})`)));
  worker = started;
  return started;
}

/**
 * Folds a map's compacted state and logged updates into one state (mergeMapState.ts) on a thread of its own, shared
 * by every database of the process, so a compaction does not hold the event loop (issue 19). The thread runs compiled
 * JavaScript: when running from TypeScript sources the parts are folded here instead.
 */
export function mergeMapStateOffLoop(parts: Uint8Array[], withSnapshot: boolean): Promise<MergedMapState> {
  if (!worker && !existsSync(fileURLToPath(script))) return Promise.resolve(mergeMapState(parts, withSnapshot));
  const thread = ensureWorker();
  const id = next++;
  if (pending.size === 0) thread.ref();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread.postMessage({ id, parts, withSnapshot } satisfies MergeRequest);
  });
}
