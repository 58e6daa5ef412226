import { PROPORTION_MEASURES, translate, type KpiSeries } from "@opencjm/core";
import type { ExportInput, ExportKpi } from "./ExportInput.js";
import type { SheetTable } from "./ideaSheetTable.js";
import { kpiAnchorText, kpiDirectionText, kpiMeasureText, kpiValueText } from "./kpiWords.js";

/** Columns before the series on the KPIs sheet: name, defined on, measure, unit, direction, target, owner, latest. */
export const KPI_DEFINITION_COLUMNS = 9;

/** The latest period of a series that has a value, or none. */
function latestPoint(series: KpiSeries | null) {
  return series?.points.findLast((p) => p.value !== null);
}

/**
 * The map's KPIs as the Excel export's KPIs sheet lists them: name, where it is defined, what it measures, unit,
 * direction, target, owner, the latest value with its period, then one column per period of the series (the
 * numbers as measured, so a spreadsheet can chart them; shares as fractions shown as percentages, times in
 * milliseconds). `seriesFormats` is each row's number format for those columns.
 */
export function kpiSheetTable(input: ExportInput): SheetTable & { seriesFormats: Array<string | undefined> } {
  const { locale } = input;
  const x = (key: Parameters<typeof translate<"exports">>[2], values = {}) => translate(locale, "exports", key, values);
  const kpis: ExportKpi[] = input.kpis ?? [];
  const names = new Map(input.touchpoints.map((t) => [t.id as string, t.name]));
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const periods = kpis.find((k) => k.series && k.series.points.length)?.series ?? null;
  const starts = periods?.points.map((p) => p.start) ?? [];
  const rows = kpis.map(({ kpi, ownerName, series }) => {
    const latest = latestPoint(series);
    const byStart = new Map((series?.points ?? []).map((p) => [p.start, p.value]));
    return [
      kpi.name,
      kpiAnchorText(kpi, input.snapshot, (id) => names.get(id), locale),
      kpiMeasureText(kpi, locale),
      kpi.unit,
      kpiDirectionText(kpi, locale),
      kpi.target === null ? "" : kpiValueText(kpi, kpi.target, locale),
      ownerName ?? "",
      series?.problem
        ? x("kpiProblem", { message: series.problem.message })
        : latest
          ? kpiValueText(kpi, latest.value, locale)
          : "",
      latest ? day.format(Date.parse(latest.start)) : "",
      ...starts.map((start) => byStart.get(start) ?? null),
    ];
  });
  const bucket = periods ? translate(locale, "vocabulary", `kpiBucket.${periods.bucket}`) : "";
  const isShare = ({ kpi }: ExportKpi) =>
    kpi.source.kind === "data" && PROPORTION_MEASURES.includes(kpi.source.measure);
  return {
    headers: [
      translate(locale, "vocabulary", "name"),
      x("kpiDefinedOn"),
      x("kpiMeasure"),
      x("kpiUnit"),
      x("kpiDirection"),
      x("target"),
      x("owner"),
      x("latestValue"),
      x("latestPeriod"),
      ...starts.map((start) => x("seriesFrom", { bucket, date: day.format(Date.parse(start)) })),
    ],
    widths: [30, 24, 26, 10, 18, 14, 20, 16, 16, ...starts.map(() => 16)],
    rows,
    seriesFormats: kpis.map((k) => (isShare(k) ? "0.0%" : undefined)),
  };
}
