import type { KernelColumns } from "../metrics/KernelColumns.js";
import type { KernelPlan } from "../metrics/KernelPlan.js";

/** One customer at the steps of a map: when they first reached each, whether they went on, which they jumped over. */
export interface CustomerStepWalk {
  /** Per step: first time reached, epoch ms; NaN when never reached. */
  firstMs: Float64Array;
  /** Per step: 1 when they reached the next level within the conversion window (the kernel's "converted"). */
  wentOn: Uint8Array;
  /** Per step: 1 when they went from an earlier level to a later one past it (the kernel's "skipped"). */
  skipped: Uint8Array;
}

/**
 * Walks one customer's events the way the one-pass kernel does (runJourneyKernel.ts: same filters, rules, order and
 * window), but keeps the answer per step for this customer instead of counting it, so a timeline and a list of the
 * customers who left a step agree with the numbers on the map. Pending steps are settled exactly as the kernel
 * settles them: loose order by the level just before, strict order by any other level.
 */
export function walkCustomerSteps(columns: KernelColumns, plan: KernelPlan, customer: number): CustomerStepWalk {
  const S = plan.stepCount;
  const walk: CustomerStepWalk = {
    firstMs: new Float64Array(S).fill(Number.NaN),
    wentOn: new Uint8Array(S),
    skipped: new Uint8Array(S),
  };
  const { offsets, ts, key, propertiesId } = columns;
  // A customer the store does not know yet (stitched by an import whose store is still being built) has no events.
  if (customer < 0 || customer + 1 >= offsets.length) return walk;
  if (plan.customerMask !== undefined && plan.customerMask[customer] === 0) return walk;
  const { stepLevel, levelStart, windowMs, strict } = plan;
  const lastLevel = plan.levelCount - 1;
  const pending: number[] = [];
  let previousStep = -1;
  for (let i = offsets[customer]!; i < offsets[customer + 1]!; i++) {
    const t = ts[i]!;
    if (t < plan.fromMs || t >= plan.toMs) continue;
    const k = key[i]!;
    let a = plan.activityOfKey[k]!;
    if (a === -1) continue;
    if (a === -2) {
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
    const s = plan.stepOfActivity[a]!;
    if (s < 0) continue;
    const level = stepLevel[s]!;
    const settle = (p: number) => {
      if (t - walk.firstMs[p]! <= windowMs) walk.wentOn[p] = 1;
    };
    let kept = 0;
    for (const p of pending) {
      const lp = stepLevel[p]!;
      if (strict ? lp === level : lp !== level - 1) pending[kept++] = p;
      else if (lp + 1 === level) settle(p);
    }
    pending.length = kept;
    if (s !== previousStep) {
      if (previousStep >= 0) {
        const lp = stepLevel[previousStep]!;
        for (let x = lp + 1; x < level; x++)
          for (let q = levelStart[x]!; q < levelStart[x + 1]!; q++) walk.skipped[q] = 1;
      }
      previousStep = s;
    }
    if (Number.isNaN(walk.firstMs[s]!)) {
      walk.firstMs[s] = t;
      if (level < lastLevel) pending.push(s);
    }
  }
  return walk;
}
