// Worker-thread entry of the journey kernel: receives the store's columns once per store generation (shared memory,
// no copy) and runs the kernel over the customer ranges it is given.
import { parentPort } from "node:worker_threads";
import type { KernelPlan } from "./KernelPlan.js";
import { toWire, wireBuffers } from "./mergeKernelPartials.js";
import type { KernelColumns } from "./KernelColumns.js";
import { runJourneyKernel } from "./runJourneyKernel.js";
import { giveBuffers } from "./spareBuffers.js";

/** Messages the pool sends to a kernel worker. */
export type KernelWorkerRequest =
  | { type: "columns"; key: string; columns: KernelColumns }
  | { type: "run"; task: number; key: string; plan: KernelPlan; from: number; to: number }
  | { type: "recycle"; buffers: ArrayBuffer[] };

const columnsByKey = new Map<string, KernelColumns>();

parentPort?.on("message", (message: KernelWorkerRequest) => {
  if (message.type === "recycle") {
    // A result this thread sent has been read: its buffers come back for the next run (see spareBuffers).
    giveBuffers(message.buffers);
    return;
  }
  if (message.type === "columns") {
    // One store at a time: a new generation replaces the old columns.
    columnsByKey.clear();
    columnsByKey.set(message.key, message.columns);
    return;
  }
  try {
    const columns = columnsByKey.get(message.key);
    if (!columns) throw new Error(`kernel worker has no columns for store ${message.key}`);
    const wire = toWire(runJourneyKernel(columns, message.plan, message.plan.keyCount, message.from, message.to));
    parentPort!.postMessage({ task: message.task, wire }, wireBuffers(wire));
  } catch (err) {
    parentPort!.postMessage({ task: message.task, error: err instanceof Error ? err.message : String(err) });
  }
});
