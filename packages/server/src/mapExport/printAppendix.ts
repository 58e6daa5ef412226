import type { PrintTable } from "@opencjm/core";
import { descriptionTable } from "./descriptionTable.js";
import { exportLabel } from "./exportLabels.js";
import type { ExportInput } from "./ExportInput.js";
import { ideaSheetTable } from "./ideaSheetTable.js";
import { KPI_DEFINITION_COLUMNS, kpiSheetTable } from "./kpiSheetTable.js";

/**
 * What the PDF prints after the map, in the export's language: the descriptions of stages, steps and touchpoints, the
 * map's ideas (as the Excel Ideas sheet lists them) and its KPIs (their definitions and latest values; the series is
 * the Excel sheet's and the map's). Tables with no rows are left out.
 */
export function printAppendix(input: ExportInput): PrintTable[] {
  const { locale } = input;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const cell = (value: string | number | null) =>
    value === null ? "" : typeof value === "number" ? number.format(value) : value;
  const descriptions = descriptionTable(input);
  const ideas = ideaSheetTable(input);
  const kpis = kpiSheetTable(input);
  const definitions = (row: readonly unknown[]) => row.slice(0, KPI_DEFINITION_COLUMNS);
  const tables: PrintTable[] = [
    {
      title: exportLabel(locale, "descriptions"),
      headers: descriptions.headers,
      widths: [12, 16, 20, 12, 40],
      rows: descriptions.rows,
    },
    {
      title: exportLabel(locale, "ideas"),
      headers: ideas.headers,
      widths: ideas.widths,
      rows: ideas.rows.map((row) => row.map(cell)),
    },
    {
      title: exportLabel(locale, "laneType.kpis"),
      headers: definitions(kpis.headers) as string[],
      widths: definitions(kpis.widths) as number[],
      rows: kpis.rows.map((row) => (definitions(row) as Array<string | number | null>).map(cell)),
    },
  ];
  return tables.filter((table) => table.rows.length > 0);
}
