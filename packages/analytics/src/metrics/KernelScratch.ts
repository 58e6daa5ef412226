import type { KernelPlan } from "./KernelPlan.js";

/**
 * The kernel's per-customer scratch, allocated once per customer range and shared by its chunks: entries are reset by
 * stamping them with the customer number instead of clearing, so one customer never sees another's marks.
 */
export function createKernelScratch(plan: KernelPlan, keyCount: number) {
  const S = plan.stepCount;
  const G = plan.stageCount;
  const A = plan.activityCount;
  const skipWords = (plan.levelCount + 31) >>> 5;
  return {
    keyStamp: new Int32Array(keyCount).fill(-1),
    activityStamp: new Int32Array(A).fill(-1),
    /** Per activity: its first position in the current customer's collapsed activity sequence. */
    activityFirst: new Int32Array(A),
    touchedActivities: new Int32Array(A),
    stepStamp: new Int32Array(S).fill(-1),
    stepFirstTs: new Float64Array(S),
    /** Loose order: steps waiting for the next level; and per level, whether any of its steps waits at all. */
    pendingStamp: new Int32Array(S).fill(-1),
    levelPendingStamp: new Int32Array(plan.levelCount).fill(-1),
    stagePendingStamp: new Int32Array(G).fill(-1),
    /** Skipped levels of the current customer as a bitset, one 32-bit word per 32 levels. */
    skipWords,
    skipBits: new Int32Array(skipWords),
    skipStamp: new Int32Array(skipWords).fill(-1),
    /** Customers who skipped each level; every step of a skipped level is skipped, so steps are filled in at the end. */
    levelSkipped: new Float64Array(plan.levelCount),
    stageStamp: new Int32Array(G).fill(-1),
    stageFirstTs: new Float64Array(G),
    backStamp: new Int32Array(G).fill(-1),
    loopStamp: new Int32Array(G).fill(-1),
    /** Strict order: the steps and stages waiting for the next one. */
    pendingSteps: new Int32Array(S),
    pendingStages: new Int32Array(G),
  };
}
export type KernelScratch = ReturnType<typeof createKernelScratch>;
