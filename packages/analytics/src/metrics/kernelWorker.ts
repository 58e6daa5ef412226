// Worker-thread entry of the journey kernel: receives the store's columns once per store generation (shared memory,
// no copy) and runs the kernel over the customer ranges it is given; then summarises its share of all ranges' path
// variants, which the ranges left in shared exchanges (variantExchange.ts).
import { parentPort } from "node:worker_threads";
import { summarizeVariantBuckets } from "../paths/summarizeVariantBuckets.js";
import type { KernelPlan } from "./KernelPlan.js";
import { toWire, wireBuffers } from "./mergeKernelPartials.js";
import type { KernelColumns } from "./KernelColumns.js";
import { runJourneyKernel } from "./runJourneyKernel.js";
import { copyWantedValues } from "./durationQuantiles.js";
import { giveBuffers } from "./spareBuffers.js";
import { viewExchange } from "./variantExchange.js";

/** Messages the pool sends to a kernel worker. */
export type KernelWorkerRequest =
  | { type: "columns"; key: string; columns: KernelColumns }
  | {
      type: "run";
      task: number;
      key: string;
      plan: KernelPlan;
      from: number;
      to: number;
      /** Where the range's path variants go, in 2^bits buckets. */
      exchange: SharedArrayBuffer;
      bits: number;
    }
  | { type: "variants"; task: number; exchanges: SharedArrayBuffer[]; from: number; to: number; top: number }
  /** Copies out the durations the quantiles need (durationQuantiles' wantedRanges) of the range run as task `of`. */
  | { type: "durations"; task: number; of: number; wanted: Float64Array }
  | { type: "recycle"; buffers: ArrayBuffer[] };

const columnsByKey = new Map<string, KernelColumns>();
/** The duration lists of ranges run here, by task, until their quantiles' values are copied out. */
const heldDurations = new Map<number, { lists: Float64Array[]; since: number }>();
/**
 * Durations never asked for (their run failed on another worker) are dropped after this long. Not by count: many
 * requests at once queue many runs here before the first one's durations are asked for.
 */
const HELD_MS = 10 * 60_000;

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
    if (message.type === "variants") {
      const views = message.exchanges.map(viewExchange);
      const summary = summarizeVariantBuckets(views, message.from, message.to, message.top);
      parentPort!.postMessage({ task: message.task, summary });
      return;
    }
    if (message.type === "durations") {
      const lists = heldDurations.get(message.of)?.lists;
      if (!lists) throw new Error(`kernel worker holds no durations of task ${message.of}`);
      heldDurations.delete(message.of);
      const copied = lists.map((list, i) => copyWantedValues(list, message.wanted, i));
      giveBuffers(lists.map((list) => list.buffer as ArrayBuffer));
      parentPort!.postMessage(
        { task: message.task, copied },
        copied.flatMap(([a, b]) => [a.buffer as ArrayBuffer, b.buffer as ArrayBuffer]),
      );
      return;
    }
    const columns = columnsByKey.get(message.key);
    if (!columns) throw new Error(`kernel worker has no columns for store ${message.key}`);
    const { plan, from, to, exchange, bits } = message;
    const partial = runJourneyKernel(columns, plan, plan.keyCount, from, to);
    const wire = toWire(partial, { buffer: exchange, bits });
    const now = Date.now();
    for (const [task, held] of heldDurations) if (now - held.since > HELD_MS) heldDurations.delete(task);
    const lists = [...partial.stepToNext, ...partial.stageToNext].map((d) => d.view());
    heldDurations.set(message.task, { lists, since: now });
    parentPort!.postMessage({ task: message.task, wire }, wireBuffers(wire));
  } catch (err) {
    parentPort!.postMessage({ task: message.task, error: err instanceof Error ? err.message : String(err) });
  }
});
