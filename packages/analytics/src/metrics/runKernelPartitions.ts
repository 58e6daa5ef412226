import type { KernelPlan } from "./KernelPlan.js";
import { mergeKernelPartials, toWire, type MergedKernelResult } from "./mergeKernelPartials.js";
import { partitionCustomers } from "./partitionCustomers.js";
import { runJourneyKernel, type KernelColumns } from "./runJourneyKernel.js";

/**
 * Runs the kernel over customer ranges and merges the results. With `workers` (the default when the compiled worker
 * script is present) the ranges run on worker threads, one per core; otherwise one after another in this thread.
 */
export async function runKernelPartitions(columns: KernelColumns, plan: KernelPlan, run: { partitions?: number; workers?: boolean }): Promise<MergedKernelResult> {
  const parts = Math.max(1, run.partitions ?? 1);
  const bounds = partitionCustomers(columns.offsets, parts);
  const wires = [];
  for (let p = 0; p + 1 < bounds.length; p++) wires.push(toWire(runJourneyKernel(columns, plan, plan.keyCount, bounds[p]!, bounds[p + 1]!)));
  if (wires.length === 0) wires.push(toWire(runJourneyKernel(columns, plan, plan.keyCount, 0, 0)));
  return mergeKernelPartials(wires);
}
