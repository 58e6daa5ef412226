import type { KernelColumns } from "../metrics/KernelColumns.js";
import type { KernelPlan } from "../metrics/KernelPlan.js";

/** Texts and negative texts (sentiment below 0) per step and per stage. */
export interface NegativeFeedback {
  stepTexts: Float64Array;
  stepNegatives: Float64Array;
  stageTexts: Float64Array;
  stageNegatives: Float64Array;
}

/**
 * Counts customers' texts and the negative ones at each step and stage, for the "share of negative feedback" KPI.
 * The kernel keeps only the sum of sentiments, so this pass walks the texts alone with the kernel's own compiled plan
 * (filters, segment mask and rule lookups, property conditions included): a text counts at a step exactly when the
 * kernel would add it to that step's sentiment.
 */
export function countNegativeFeedback(columns: KernelColumns, plan: KernelPlan): NegativeFeedback {
  const { offsets, ts, key, textPos, textId, textSentiment, propertiesId } = columns;
  const { activityOfKey, fallbackOfKey, candidateStart, candidateRule, ruleActivity, ruleProperties } = plan;
  const { ruleMatchesNone, stepOfActivity, stepStage, customerMask, fromMs, toMs } = plan;
  const out: NegativeFeedback = {
    stepTexts: new Float64Array(plan.stepCount),
    stepNegatives: new Float64Array(plan.stepCount),
    stageTexts: new Float64Array(plan.stageCount),
    stageNegatives: new Float64Array(plan.stageCount),
  };
  let customer = 0;
  for (let j = 0; j < textPos.length; j++) {
    const i = textPos[j]!;
    while (offsets[customer + 1]! <= i) customer++;
    if (customerMask !== undefined && customerMask[customer] === 0) continue;
    const t = ts[i]!;
    if (t < fromMs || t >= toMs) continue;
    const k = key[i]!;
    let a = activityOfKey[k]!;
    if (a === -1) continue;
    if (a === -2) {
      const p = propertiesId[i]!;
      a = fallbackOfKey[k]!;
      for (let r = candidateStart[k]!; r < candidateStart[k + 1]!; r++) {
        const rule = candidateRule[r]!;
        if (p < 0 ? ruleMatchesNone[rule] === 1 : ruleProperties[rule]![p] === 1) {
          a = ruleActivity[rule]!;
          break;
        }
      }
    }
    const s = stepOfActivity[a]!;
    if (s < 0) continue;
    const negative = textSentiment[textId[j]!]! < 0 ? 1 : 0;
    out.stepTexts[s]!++;
    out.stepNegatives[s]! += negative;
    out.stageTexts[stepStage[s]!]!++;
    out.stageNegatives[stepStage[s]!]! += negative;
  }
  return out;
}
