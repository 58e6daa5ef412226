import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { checkWorkbookSize, type WorkbookLimits } from "./checkWorkbookSize.js";
import { ImportError } from "./ImportError.js";
import { cleanHeader } from "./sniffDelimited.js";

/** A cell value as text: dates as naive ISO (Excel dates have no zone), formulas as their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const iso = value.toISOString(); // exceljs reads Excel's zone-less serial dates as UTC
    return iso.endsWith(".000Z") ? iso.slice(0, 19).replace("T", " ") : iso.slice(0, 23).replace("T", " ");
  }
  if (typeof value === "object") {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return "";
    return JSON.stringify(value);
  }
  return String(value);
}

/** How to read a workbook. */
export interface WorkbookReadOptions {
  signal?: AbortSignal;
  /** Bytes of the file read so far (by exceljs, after the size check). */
  onBytes?: (bytes: number) => void;
  limits?: Partial<WorkbookLimits>;
}

/**
 * The first worksheet of an XLSX workbook, streamed with exceljs' streaming reader after checkWorkbookSize has
 * measured what it really unpacks to: yields the header (cleaned like a CSV header) first, then each data row with one
 * text per header column. Trailing empty rows are skipped; a value to the right of the last header column is refused
 * with its row. Reading stops when the caller stops iterating, so a preview reads only its first rows.
 */
export async function* readWorkbookRows(
  source: string,
  file: string,
  options: WorkbookReadOptions = {},
): AsyncGenerator<string[], void, undefined> {
  const { size } = await stat(source);
  await checkWorkbookSize(source, file, { fileSize: size, limits: options.limits, signal: options.signal });
  let bytes = 0;
  const input = createReadStream(source, { highWaterMark: 1 << 20, signal: options.signal });
  input.on("data", (chunk) => {
    bytes += chunk.length;
    options.onBytes?.(bytes);
  });
  let header: string[] | undefined;
  let dataRow = 0;
  try {
    const { default: ExcelJS } = await import("exceljs");
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (options.signal?.aborted) throw new ImportError("cancelled", "the import was cancelled", { file });
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (!header) {
          header = cleanHeader(values, file);
          yield header;
          continue;
        }
        dataRow++;
        // Excel skips empty rows in the file; a gap in row numbers is rows the user left blank, which we skip too.
        if (values.length > header.length && values.slice(header.length).some((v) => v !== "")) {
          throw new ImportError(
            "ragged_row",
            `has a value in column ${values.length} but the header has only ${header.length} columns`,
            { file, row: dataRow },
          );
        }
        const cells = header.map((_, i) => values[i] ?? "");
        if (cells.every((c) => c === "")) {
          dataRow--;
          continue;
        }
        yield cells;
      }
      break; // only the first worksheet
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(
      "malformed_file",
      `cannot read the workbook (${err instanceof Error ? err.message : String(err)})`,
      { file },
    );
  } finally {
    input.destroy();
  }
  if (!header) throw new ImportError("empty_file", "the workbook's first sheet is empty", { file });
}
