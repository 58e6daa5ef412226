import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { readWorkbookRows, type WorkbookReadOptions } from "./readWorkbookRows.js";

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

/**
 * Streams the first worksheet of an XLSX workbook into a UTF-8 CSV file (every field quoted), so workbooks larger
 * than memory import like CSV. Returns the header. The rows are read by readWorkbookRows, which refuses workbooks
 * that unpack to far more than their size and stops when `signal` aborts.
 */
export async function xlsxToCsv(
  source: string,
  target: string,
  file: string,
  options: WorkbookReadOptions = {},
): Promise<string[]> {
  const out = createWriteStream(target, { encoding: "utf8" });
  let header: string[] | undefined;
  try {
    for await (const cells of readWorkbookRows(source, file, options)) {
      header ??= cells;
      await write(out, `${cells.map(quote).join(",")}\n`);
    }
  } catch (err) {
    // A write may still be in flight; its complaint about the destroyed stream is no news (the caller deletes the copy).
    out.on("error", () => undefined);
    out.destroy();
    throw err;
  }
  out.end();
  await once(out, "finish");
  return header!;
}
