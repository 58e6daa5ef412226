import type { KpiSpec } from "../../kpis/KpiSpec.js";
import type { KpiUnitFacts } from "./getKpiUnitFacts.js";

/** Customers converting from a unit to the next, with the nearest-rank median and 90th percentile of the time taken. */
export interface KpiConversionFacts {
  converted: number;
  medianMs: number;
  p90Ms: number;
}

/** A KPI's value and sample from the facts SQL read for its unit, by the definitions in packages/analytics/README.md. */
export function kpiValueOfFacts(
  kpi: KpiSpec,
  facts: KpiUnitFacts,
  conversion: KpiConversionFacts | undefined,
): { value: number | null; sample: number } {
  const converted = conversion?.converted ?? 0;
  const reached = facts.customers;
  const mean = (sum: number | null, n: number) => ({ value: n > 0 ? sum! / n : null, sample: n });
  switch (kpi.measure) {
    case "reach":
      return { value: reached, sample: reached };
    case "conversion":
      return { value: reached > 0 ? converted / reached : null, sample: reached };
    case "dropOff":
      return { value: reached > 0 ? (reached - converted) / reached : null, sample: reached };
    case "medianTime":
      return { value: conversion ? conversion.medianMs : null, sample: converted };
    case "p90Time":
      return { value: conversion ? conversion.p90Ms : null, sample: converted };
    case "csat":
      return mean(facts.csatSum, facts.csatCount);
    case "ces":
      return mean(facts.cesSum, facts.cesCount);
    case "nps":
      return {
        value: facts.npsCount > 0 ? (100 * (facts.promoters - facts.detractors)) / facts.npsCount : null,
        sample: facts.npsCount,
      };
    case "negativeShare":
      return { value: facts.texts > 0 ? facts.negatives / facts.texts : null, sample: facts.texts };
  }
}
