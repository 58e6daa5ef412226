import type { KernelPlan } from "./KernelPlan.js";
import type { KernelColumns } from "./KernelColumns.js";

/**
 * One customer's path as the kernel sees it (filtered events, activity by the rules, path nodes, consecutive repeats
 * collapsed): used to spell out the few variants that are listed, which the kernel only keeps as hashes.
 */
export function customerPath(columns: KernelColumns, plan: KernelPlan, customer: number): Int32Array {
  const { offsets, ts, key, propertiesId } = columns;
  const nodes: number[] = [];
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
    const node = plan.nodeOfActivity[a]!;
    if (node >= 0 && node !== nodes.at(-1)) nodes.push(node);
  }
  return Int32Array.from(nodes);
}
