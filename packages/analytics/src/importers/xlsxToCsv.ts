import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
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

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

/**
 * Streams the first worksheet of an XLSX workbook into a UTF-8 CSV file (every field quoted) with exceljs' streaming
 * reader, so workbooks larger than memory import like CSV. Returns the header. Trailing empty rows are skipped; a
 * value to the right of the last header column is refused with its row.
 */
export async function xlsxToCsv(source: string, target: string, file: string, onBytes?: (bytes: number) => void): Promise<string[]> {
  let bytes = 0;
  const input = createReadStream(source, { highWaterMark: 1 << 20 });
  input.on("data", (chunk) => {
    bytes += chunk.length;
    onBytes?.(bytes);
  });
  const out = createWriteStream(target, { encoding: "utf8" });
  let header: string[] | undefined;
  let dataRow = 0;
  try {
    const { default: ExcelJS } = await import("exceljs");
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit" });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (!header) {
          header = cleanHeader(values, file);
          await write(out, `${header.map(quote).join(",")}\n`);
          continue;
        }
        dataRow++;
        // Excel skips empty rows in the file; a gap in row numbers is rows the user left blank, which we skip too.
        if (values.length > header.length && values.slice(header.length).some((v) => v !== "")) {
          throw new ImportError("ragged_row", `has a value in column ${values.length} but the header has only ${header.length} columns`, { file, row: dataRow });
        }
        const cells = header.map((_, i) => values[i] ?? "");
        if (cells.every((c) => c === "")) {
          dataRow--;
          continue;
        }
        await write(out, `${cells.map(quote).join(",")}\n`);
      }
      break; // only the first worksheet
    }
  } catch (err) {
    out.destroy();
    if (err instanceof ImportError) throw err;
    throw new ImportError("malformed_file", `cannot read the workbook (${err instanceof Error ? err.message : String(err)})`, { file });
  } finally {
    input.destroy();
  }
  out.end();
  await once(out, "finish");
  if (!header) throw new ImportError("empty_file", "the workbook's first sheet is empty", { file });
  return header;
}
