import type { MapMetrics } from "@opencjm/core";
import type { NegativeFeedback } from "./countNegativeFeedback.js";
import type { KpiMeasurement, KpiSpec } from "./KpiSpec.js";

type Scores = MapMetrics["steps"][number]["scores"];
type Conversion = MapMetrics["steps"][number]["conversion"];

function fromScores(scores: Scores, measure: "csat" | "nps" | "ces"): KpiMeasurement {
  const value = measure === "nps" ? scores.nps.score : scores[measure].mean;
  return { value: scores[measure].count > 0 ? value : null, sample: scores[measure].count, successes: null };
}

function fromConversion(conversion: Conversion, reached: number, measure: KpiSpec["measure"]): KpiMeasurement {
  if (!conversion) return { value: null, sample: reached, successes: null };
  if (measure === "conversion") return { value: conversion.rate, sample: reached, successes: conversion.converted };
  if (measure === "dropOff") return { value: conversion.dropOffRate, sample: reached, successes: conversion.dropOff };
  const time = conversion.timeToNext;
  return { value: measure === "medianTime" ? time.medianMs : time.p90Ms, sample: time.count, successes: null };
}

function share(negatives: number, texts: number): KpiMeasurement {
  return { value: texts > 0 ? negatives / texts : null, sample: texts, successes: negatives };
}

/**
 * Reads one KPI's value from the engine's metrics of a bucket: `metrics` of the map (or, for a KPI between two
 * steps, of the two-step map whose first step is the anchor), `stepIndex`/`stageIndex` the anchor's place in it.
 */
export function measureKpi(
  spec: KpiSpec,
  metrics: MapMetrics,
  place: { stepIndex: number; stageIndex: number },
  negative: NegativeFeedback | undefined,
): KpiMeasurement {
  const { measure, anchor } = spec;
  if (anchor.kind === "touchpoint") {
    const customers = metrics.touchpoints.find((t) => t.touchpointId === anchor.touchpointId)?.customers ?? 0;
    return { value: customers, sample: customers, successes: customers };
  }
  const unit = anchor.kind === "step" ? metrics.steps[place.stepIndex]! : metrics.stages[place.stageIndex]!;
  switch (measure) {
    case "reach":
      return { value: unit.customers, sample: unit.customers, successes: unit.customers };
    case "csat":
    case "nps":
    case "ces":
      return fromScores(unit.scores, measure);
    case "negativeShare":
      return anchor.kind === "step"
        ? share(negative!.stepNegatives[place.stepIndex]!, negative!.stepTexts[place.stepIndex]!)
        : share(negative!.stageNegatives[place.stageIndex]!, negative!.stageTexts[place.stageIndex]!);
    default:
      return fromConversion(unit.conversion, unit.customers, measure);
  }
}
