import type { KernelColumns } from "../metrics/KernelColumns.js";
import type { KernelPlan } from "../metrics/KernelPlan.js";
import { forEachJourney } from "../paths/forEachJourney.js";

/** Customers in scope, customers per activity, and for the chosen activities who visits which first. */
export interface DraftActivityCounts {
  customers: number;
  /** Per activity (touchpoints, then event names): customers with at least one event of it. */
  activityCustomers: Float64Array;
}

/** First pass: customers in scope and customers per activity. */
export function countDraftActivities(columns: KernelColumns, plan: KernelPlan): DraftActivityCounts {
  const activityCustomers = new Float64Array(plan.activityCount);
  const seen = new Int32Array(plan.activityCount).fill(-1);
  let customers = 0;
  forEachJourney(columns, plan, ({ customer, length, activities }) => {
    customers++;
    for (let i = 0; i < length; i++) {
      const a = activities[i]!;
      if (seen[a] !== customer) {
        seen[a] = customer;
        activityCustomers[a]!++;
      }
    }
  });
  return { customers, activityCustomers };
}

/**
 * Second pass over the chosen activities: `before[i][j]` = customers whose first event of chosen activity i comes
 * before their first event of j (in store order).
 */
export function countFirstVisitOrder(
  columns: KernelColumns,
  plan: KernelPlan,
  chosen: readonly number[],
): Float64Array[] {
  const indexOf = new Int32Array(plan.activityCount).fill(-1);
  chosen.forEach((a, i) => (indexOf[a] = i));
  const before = chosen.map(() => new Float64Array(chosen.length));
  const seen = new Int32Array(chosen.length).fill(-1);
  const visits: number[] = [];
  forEachJourney(columns, plan, ({ customer, length, activities }) => {
    visits.length = 0;
    for (let i = 0; i < length; i++) {
      const x = indexOf[activities[i]!]!;
      if (x < 0 || seen[x] === customer) continue;
      seen[x] = customer;
      for (const y of visits) before[y]![x]!++;
      visits.push(x);
    }
  });
  return before;
}
