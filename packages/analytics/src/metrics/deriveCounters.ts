import type { KernelPlan } from "./KernelPlan.js";
import type { MergedKernelResult } from "./mergeKernelPartials.js";

/**
 * Fills the counters the kernel leaves to be derived, so the one pass does less per event: events and time spent per
 * step are the sums over the step's activities; a path node's events and customers are its step's, or (off the map)
 * its activity's.
 */
export function deriveCounters(r: MergedKernelResult, plan: KernelPlan, nodeActivity: number[]): void {
  r.stepEvents.fill(0);
  r.stepTimeMs.fill(0);
  for (let a = 0; a < plan.activityCount; a++) {
    const s = plan.stepOfActivity[a]!;
    if (s < 0) continue;
    r.stepEvents[s]! += r.activityEvents[a]!;
    r.stepTimeMs[s]! += r.activityTimeMs[a]!;
  }
  for (let n = 0; n < plan.nodeCount; n++) {
    if (n < plan.stepCount) {
      r.nodeEvents[n] = r.stepEvents[n]!;
      r.nodeCustomers[n] = r.stepCustomers[n]!;
    } else {
      r.nodeEvents[n] = r.activityEvents[nodeActivity[n]!]!;
      r.nodeCustomers[n] = r.activityCustomers[nodeActivity[n]!]!;
    }
  }
}
