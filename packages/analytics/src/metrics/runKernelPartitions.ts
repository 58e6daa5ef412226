import { KernelPool } from "./KernelPool.js";
import type { KernelPlan } from "./KernelPlan.js";
import { mergeKernelPartials, toWire, wireBuffers, type MergedKernelResult } from "./mergeKernelPartials.js";
import { partitionCustomers } from "./partitionCustomers.js";
import type { KernelColumns } from "./KernelColumns.js";
import { runJourneyKernel } from "./runJourneyKernel.js";
import { giveBuffers } from "./spareBuffers.js";

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
    const wires = await workers.run(key, columns, plan, ranges);
    try {
      return read(mergeKernelPartials(wires));
    } finally {
      workers.recycle(wires);
    }
  }
  const wires = ranges.map(([from, to]) => toWire(runJourneyKernel(columns, plan, plan.keyCount, from, to)));
  try {
    return read(mergeKernelPartials(wires));
  } finally {
    for (const wire of wires) giveBuffers(wireBuffers(wire));
  }
}
