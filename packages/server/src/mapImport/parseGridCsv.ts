import { parse } from "csv-parse/sync";
import { decodeText } from "./decodeText.js";
import { importFileError } from "./importFileError.js";
import type { ImportDraft } from "./ImportDraft.js";
import { parseGridTable } from "./parseGridTable.js";

/** A spreadsheet column name: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** The separator of a CSV file: comma, or the semicolon or tab some spreadsheet programs write, by the first line. */
function sniffDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

/** Reads a CSV grid laid out like our CSV export; errors name the row and column. */
export function parseGridCsv(bytes: Uint8Array, fileName: string): ImportDraft {
  const text = decodeText(bytes, fileName);
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw importFileError(
      `${fileName}${line ? ` line ${line}` : ""}`,
      err instanceof Error ? err.message.replace(/^Invalid [^:]*: /, "") : String(err),
    );
  }
  return parseGridTable({ rows, cellName: (r, c) => `row ${r + 1}, column ${columnName(c)}` }, "csv");
}
