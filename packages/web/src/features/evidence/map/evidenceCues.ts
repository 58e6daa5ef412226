import type { MapMetrics, StepMetrics } from "@opencjm/core";
import { journeyEnd } from "./journeyEnd.js";

/** A step needs this many customers before its rates count for the "worst" cues, so a handful of stragglers is not alarming. */
const MIN_CUSTOMERS = 5;

/**
 * The step where the largest share of customers leaves before the journey's end (its goal, marked or assumed: see
 * journeyEnd), the one with the most negative feedback (anywhere: a bad after-purchase step still hurts), and the
 * steps at the journey's end, where leaving is not drop-off.
 */
export function evidenceCues(
  metrics: MapMetrics,
  goalStepId?: string | null,
): {
  worstDropOffStepId: string | null;
  worstSentimentStepId: string | null;
  journeyEndStepIds: ReadonlySet<string>;
} {
  const naturalEnd = journeyEnd(
    metrics.steps,
    metrics.stages.map((s) => s.stageId),
    goalStepId,
  ).stepIds;
  let dropOff: StepMetrics | null = null;
  let sentiment: StepMetrics | null = null;
  for (const s of metrics.steps) {
    const rate = s.conversion?.dropOffRate;
    if (
      rate != null &&
      !naturalEnd.has(s.stepId) &&
      s.customers >= MIN_CUSTOMERS &&
      rate > 0 &&
      (!dropOff || rate > (dropOff.conversion?.dropOffRate ?? 0))
    )
      dropOff = s;
    const mean = s.sentiment.mean;
    if (
      mean != null &&
      s.sentiment.count >= MIN_CUSTOMERS &&
      mean < 0 &&
      (!sentiment || mean < (sentiment.sentiment.mean ?? 0))
    )
      sentiment = s;
  }
  return {
    worstDropOffStepId: dropOff?.stepId ?? null,
    worstSentimentStepId: sentiment?.stepId ?? null,
    journeyEndStepIds: naturalEnd,
  };
}

/** Conversion into a step from the level before it: customers there who went on (to this step or a parallel one). */
export function conversionFromPrevious(
  metrics: MapMetrics,
  step: StepMetrics,
): { rate: number | null; converted: number } | null {
  if (step.level === 0) return null;
  const previous = metrics.steps.filter((s) => s.level === step.level - 1);
  const reached = previous.reduce((n, s) => n + s.customers, 0);
  const converted = previous.reduce((n, s) => n + (s.conversion?.converted ?? 0), 0);
  return { rate: reached > 0 ? converted / reached : null, converted };
}

/** The score to show for a step: NPS when measured, else CSAT, else CES (means on their own scales). */
export function headlineScore(
  step: Pick<StepMetrics, "scores">,
): { kind: "nps" | "csat" | "ces"; value: number; count: number } | null {
  const { nps, csat, ces } = step.scores;
  if (nps.count > 0 && nps.score !== null) return { kind: "nps", value: nps.score, count: nps.count };
  if (csat.count > 0 && csat.mean !== null) return { kind: "csat", value: csat.mean, count: csat.count };
  if (ces.count > 0 && ces.mean !== null) return { kind: "ces", value: ces.mean, count: ces.count };
  return null;
}

/** Sentiment in three words: positive, neutral or negative (means within ±0.1 of zero are neutral). */
export function sentimentTone(mean: number | null): "positive" | "neutral" | "negative" | null {
  if (mean === null) return null;
  return mean > 0.1 ? "positive" : mean < -0.1 ? "negative" : "neutral";
}
