import { PROPORTION_MEASURES, translate, type Kpi, type Locale, type MapSnapshot } from "@opencjm/core";

/** A duration in milliseconds the way people say it ("1 day, 2 hr, 5 min"), as the screen's KPI cards show it. */
function durationText(ms: number, locale: Locale): string {
  const unit = (value: number, name: "second" | "minute" | "hour" | "day") =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(value);
  const minutes = ms / 60_000;
  if (minutes > 0 && minutes < 1) return unit(Math.round(minutes * 60), "second");
  let rest = Math.round(minutes);
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const parts = [days && unit(days, "day"), hours && unit(hours, "hour"), rest % 60 && unit(rest % 60, "minute")];
  const shown = parts.filter((p): p is string => Boolean(p));
  return shown.length ? new Intl.ListFormat(locale, { type: "unit", style: "short" }).format(shown) : unit(0, "minute");
}

/**
 * A KPI's value in its measure's own unit, in the reader's language: shares as percentages, times as durations,
 * other numbers with the KPI's unit; "–" when nothing was measured.
 */
export function kpiValueText(kpi: Pick<Kpi, "source" | "unit">, value: number | null, locale: Locale): string {
  if (value === null) return "–";
  const measure = kpi.source.kind === "data" ? kpi.source.measure : null;
  if (measure && PROPORTION_MEASURES.includes(measure))
    return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
  if (measure === "medianTime" || measure === "p90Time") return durationText(value, locale);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  return kpi.unit ? `${number} ${kpi.unit}` : number;
}

/** What a KPI measures, in words: its measure's name, or "Entered by hand". */
export function kpiMeasureText(kpi: Pick<Kpi, "source">, locale: Locale): string {
  return translate(locale, "vocabulary", `kpiMeasure.${kpi.source.kind === "data" ? kpi.source.measure : "manual"}`);
}

/** Which way is better, in words. */
export function kpiDirectionText(kpi: Pick<Kpi, "direction">, locale: Locale): string {
  return translate(locale, "vocabulary", `kpiDirection.${kpi.direction}`);
}

/**
 * Where a KPI is defined, in words: the stage's or step's name on its map, the touchpoint's name, or the whole
 * workspace; a stage or step no longer on the map is marked removed.
 */
export function kpiAnchorText(
  kpi: Pick<Kpi, "anchor">,
  snapshot: MapSnapshot | undefined,
  touchpointName: (id: string) => string | undefined,
  locale: Locale,
): string {
  const { anchor } = kpi;
  const removed = (label: string) => translate(locale, "exports", "missingLink", { label });
  switch (anchor.kind) {
    case "workspace":
      return translate(locale, "vocabulary", "kpiOnWorkspace");
    case "stage": {
      const stage = snapshot?.stages.find((s) => s.id === anchor.stageId);
      return stage ? stage.name : removed(anchor.stageId);
    }
    case "step": {
      const step = snapshot?.steps.find((s) => s.id === anchor.stepId);
      return step ? step.name : removed(anchor.stepId);
    }
    case "touchpoint":
      return touchpointName(anchor.touchpointId) ?? removed(anchor.touchpointId);
  }
}
