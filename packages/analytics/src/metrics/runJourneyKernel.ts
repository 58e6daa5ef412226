import { rememberDurationLengths } from "./DurationList.js";
import { createKernelPartial, type KernelPartial } from "./KernelPartial.js";
import { createKernelScratch } from "./KernelScratch.js";
import type { KernelColumns } from "./KernelColumns.js";
import type { KernelPlan } from "./KernelPlan.js";
import { walkJourneys } from "./walkJourneys.js";

/**
 * Customers per call of the event loop. A kernel runs once per request, so one long call would spend its first
 * seconds in unoptimised code waiting for on-stack replacement, and its optimised code would be compiled without
 * feedback for what comes before the loop; calls over chunks let V8 optimise the loop as an ordinary hot function.
 */
const CHUNK_CUSTOMERS = 8192;

/**
 * The one pass (PRODUCT.md §4.6): walks the journeys of customers `from`…`to-1` once, event by event in time order,
 * and fills every counter of every metric at the same time. Semantics are documented in packages/analytics/README.md;
 * the SQL oracle in oracle/ computes the same numbers independently.
 */
export function runJourneyKernel(
  columns: KernelColumns,
  plan: KernelPlan,
  keyCount: number,
  from: number,
  to: number,
): KernelPartial {
  const out = createKernelPartial(plan, keyCount, to - from);
  const scratch = createKernelScratch(plan, keyCount);
  for (let c = from; c < to; c += CHUNK_CUSTOMERS)
    walkJourneys(columns, plan, out, scratch, c, Math.min(to, c + CHUNK_CUSTOMERS));
  rememberDurationLengths([...out.stepToNext, ...out.stageToNext], to - from);
  const { levelSkipped } = scratch;
  for (let level = 0; level < plan.levelCount; level++) {
    if (levelSkipped[level] === 0) continue;
    for (let x = plan.levelStart[level]!; x < plan.levelStart[level + 1]!; x++)
      out.stepSkipped[x] = levelSkipped[level]!;
  }
  return out;
}
