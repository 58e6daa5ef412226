import type { KpiMeasure } from "@opencjm/core";
import type { I18n } from "../../i18n/I18nProvider.js";
import { formatMs } from "../evidence/map/formatMs.js";

const SHARES: readonly KpiMeasure[] = ["conversion", "dropOff", "negativeShare"];

/** A KPI value in its measure's own unit: shares as percentages, times as durations, others as numbers (+ unit). */
export function formatKpiValue(
  value: number | null,
  measure: KpiMeasure | null,
  unit: string,
  i18n: Pick<I18n, "formatNumber" | "locale">,
): string {
  if (value === null) return "—";
  if (measure && SHARES.includes(measure))
    return i18n.formatNumber(value, { style: "percent", maximumFractionDigits: 1 });
  if (measure === "medianTime" || measure === "p90Time") return formatMs(value, i18n.locale);
  const number = i18n.formatNumber(value, { maximumFractionDigits: 2 });
  return unit ? `${number} ${unit}` : number;
}

/** Whether a value meets its target, given which way is better; null without both. */
export function kpiTrack(
  value: number | null,
  target: number | null,
  direction: "higher" | "lower",
): "on" | "off" | null {
  if (value === null || target === null) return null;
  return (direction === "higher" ? value >= target : value <= target) ? "on" : "off";
}
