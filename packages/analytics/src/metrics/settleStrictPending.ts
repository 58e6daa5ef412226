import type { DurationList } from "./DurationList.js";
import type { KernelPlan } from "./KernelPlan.js";

/**
 * Strict order, at an on-map event of `level`: settles the pending entries (steps, with `levelOf` giving each one's
 * level; or stages, which are their own level). Those one level below convert when within the window, those at
 * `level` keep waiting, all others lapse. Returns how many still wait, compacted at the front of `pending`.
 * It takes the event's index rather than its time so that no number is boxed when the call is not inlined.
 */
export function settleStrictPending(
  plan: KernelPlan,
  pending: Int32Array,
  count: number,
  levelOf: Int32Array | undefined,
  level: number,
  ts: Float64Array,
  i: number,
  firstTs: Float64Array,
  converted: Float64Array,
  toNext: DurationList[],
): number {
  const t = ts[i]!;
  const windowMs = plan.windowMs;
  let w = 0;
  for (let j = 0; j < count; j++) {
    const p = pending[j]!;
    const lp = levelOf === undefined ? p : levelOf[p]!;
    if (lp === level) pending[w++] = p;
    else if (lp + 1 === level) {
      const dt = t - firstTs[p]!;
      if (dt <= windowMs) {
        converted[p]!++;
        const list = toNext[p]!;
        if (list.length === list.values.length) list.grow();
        list.values[list.length++] = dt;
      }
    }
  }
  return w;
}
