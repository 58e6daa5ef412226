import type { KernelColumns } from "../metrics/KernelColumns.js";
import type { KernelPlan } from "../metrics/KernelPlan.js";

/** One customer's events in scope, as the kernel sees them: activity by the rules and time, in store order. */
export interface JourneyView {
  customer: number;
  /** How many events are in scope; only the first `length` entries of the arrays below are this customer's. */
  length: number;
  activities: Int32Array;
  times: Float64Array;
}

/**
 * Calls `visit` for every customer in scope (segment, date range and channels applied like the kernel does; a customer
 * without an event left is skipped), with their events' activities and times. The arrays are reused between calls.
 */
export function forEachJourney(columns: KernelColumns, plan: KernelPlan, visit: (journey: JourneyView) => void): void {
  const { offsets, ts, key, propertiesId } = columns;
  let longest = 0;
  for (let c = 0; c + 1 < offsets.length; c++) longest = Math.max(longest, offsets[c + 1]! - offsets[c]!);
  const view: JourneyView = {
    customer: 0,
    length: 0,
    activities: new Int32Array(longest),
    times: new Float64Array(longest),
  };
  for (let c = 0; c + 1 < offsets.length; c++) {
    if (plan.customerMask !== undefined && plan.customerMask[c] === 0) continue;
    let n = 0;
    for (let i = offsets[c]!; i < offsets[c + 1]!; i++) {
      const t = ts[i]!;
      if (t < plan.fromMs || t >= plan.toMs) continue;
      const k = key[i]!;
      let a = plan.activityOfKey[k]!;
      if (a === -1) continue;
      if (a === -2) {
        // Property conditions decide, first matching rule wins (as in the kernel).
        const p = propertiesId[i]!;
        a = plan.fallbackOfKey[k]!;
        for (let r = plan.candidateStart[k]!; r < plan.candidateStart[k + 1]!; r++) {
          const rule = plan.candidateRule[r]!;
          if (p < 0 ? plan.ruleMatchesNone[rule] === 1 : plan.ruleProperties[rule]![p] === 1) {
            a = plan.ruleActivity[rule]!;
            break;
          }
        }
      }
      view.activities[n] = a;
      view.times[n++] = t;
    }
    if (n === 0) continue;
    view.customer = c;
    view.length = n;
    visit(view);
  }
}
