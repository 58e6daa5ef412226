import type * as ExcelJS from "exceljs";
import { isRightToLeft, type Locale, neutraliseFormula } from "@opencjm/core";
import { exportLabel, type ExportLabel } from "./exportLabels.js";
import type { ExportInput } from "./ExportInput.js";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8ECF4" } };

/** The font of header rows and row labels. */
export const bold: Partial<ExcelJS.Font> = { bold: true };

/** A sheet's name from a label in the export's language, as Excel accepts it. */
export function sheetName(locale: Locale, key: ExportLabel): string {
  return safeSheetName(exportLabel(locale, key));
}

function safeSheetName(name: string): string {
  // Excel forbids []:*?/\ in sheet names and allows 31 characters.
  return name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);
}

/** User text for a cell: line breaks as Excel writes them (a lone CR would not survive the file), formula-safe. */
export function cellText(value: string): string {
  return neutraliseFormula(value.replace(/\r\n?/g, "\n"));
}

/** Makes a row a table's header row: bold on the header colour. */
export function styleHeaderRow(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.font = bold;
    cell.fill = HEADER_FILL;
  });
}

/** Adds a sheet with a bold header row, frozen below it, laid out right to left for Persian. */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  input: ExportInput,
  key: ExportLabel | { name: string },
  headers: string[],
  widths: number[],
): ExcelJS.Worksheet {
  const name = typeof key === "string" ? sheetName(input.locale, key) : safeSheetName(key.name);
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1, rightToLeft: isRightToLeft(input.locale) }],
  });
  styleHeaderRow(ws.addRow(headers.map(cellText)));
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}
