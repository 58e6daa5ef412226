import { mergeVariantSummaries } from "../paths/summarizeVariantBuckets.js";
import { quantilesOfWanted, wantedRanges } from "./durationQuantiles.js";
import { KernelPool } from "./KernelPool.js";
import type { KernelPlan } from "./KernelPlan.js";
import { mergeKernelPartials, toWire, wireBuffers, type MergedKernelResult } from "./mergeKernelPartials.js";
import { partitionCustomers } from "./partitionCustomers.js";
import type { KernelColumns } from "./KernelColumns.js";
import { runJourneyKernel } from "./runJourneyKernel.js";
import { giveBuffers } from "./spareBuffers.js";
import { exchangeBits, exchangeBytes, splitBuckets, viewExchange } from "./variantExchange.js";

let pool: KernelPool | undefined | null = null;
/** The shared worker pool, created on first use; undefined when workers cannot run here. */
function kernelPool(): KernelPool | undefined {
  if (pool === null) pool = KernelPool.create();
  return pool;
}

/**
 * Runs the kernel over customer ranges, merges the results and hands them to `read`, which must be done with them when
 * it returns: their buffers then go back to the threads that filled them, for the next run (see spareBuffers). With
 * worker threads (the default when the compiled worker script is present) the ranges run in parallel, one per core;
 * otherwise one after another in this thread. `key` identifies the store's columns (its generation), so workers
 * receive them once.
 */
export async function runKernelPartitions<T>(
  key: string,
  columns: KernelColumns,
  plan: KernelPlan,
  run: { partitions?: number; workers?: boolean },
  read: (merged: MergedKernelResult) => T,
): Promise<T> {
  const workers = run.workers === false ? undefined : kernelPool();
  const parts = Math.max(1, run.partitions ?? workers?.size ?? 1);
  const bounds = partitionCustomers(columns.offsets, parts);
  const ranges: Array<[number, number]> = [];
  for (let p = 0; p + 1 < bounds.length; p++) ranges.push([bounds[p]!, bounds[p + 1]!]);
  if (ranges.length === 0) ranges.push([0, 0]);
  // Small stores are not worth a thread hop.
  if (workers && (columns.ts.length >= 200_000 || run.workers === true) && ranges.length > 1) {
    const bits = exchangeBits(columns.offsets.length - 1);
    const exchanges = ranges.map(([from, to]) => workers.takeExchange(exchangeBytes(to - from, bits)));
    // A failed run may leave a worker still writing its exchange: only a finished run's are lent again.
    let finished = false;
    try {
      const wires = await workers.run(key, columns, plan, ranges, exchanges, bits);
      try {
        // The workers summarise the variants and copy out the durations the quantiles need, in one round.
        const bounds = splitBuckets(exchanges.map(viewExchange), Math.min(workers.size, ranges.length));
        const lengths = wires.map((w) => w.durationLengths);
        const counts = wires.map((w) => w.durationCounts);
        const wanted = wantedRanges(
          lengths,
          counts,
          wires.map((w) => w.durationCounted),
        );
        const [summaries, copied] = await Promise.all([
          workers.summarize(exchanges, bounds, plan.topPaths),
          workers.copyDurations(wires, wanted),
        ]);
        finished = true;
        const merged = mergeKernelPartials(wires);
        merged.variantSummary = mergeVariantSummaries(summaries, plan.topPaths);
        merged.timeToNext = Array.from(lengths[0]!, (_, list) =>
          quantilesOfWanted(
            lengths.reduce((n, l) => n + l[list]!, 0),
            wanted,
            list,
            counts,
            copied.map((c) => c[list]!),
          ),
        );
        return read(merged);
      } finally {
        workers.recycle(wires);
      }
    } finally {
      if (finished) for (const exchange of exchanges) workers.giveExchange(exchange);
    }
  }
  const wires = ranges.map(([from, to]) => toWire(runJourneyKernel(columns, plan, plan.keyCount, from, to)));
  try {
    return read(mergeKernelPartials(wires));
  } finally {
    for (const wire of wires) giveBuffers(wireBuffers(wire));
  }
}
