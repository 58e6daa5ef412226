import { createReadStream } from "node:fs";
import type { Entry } from "unzipper";
import { formatBytes } from "./checkDiskSpace.js";
import { ImportError } from "./ImportError.js";

/** How much a workbook may unpack to. */
export interface WorkbookLimits {
  /** Inflated bytes of all its parts together. */
  maxInflatedBytes: number;
  /** Longest run of bytes without a `<` in its XML parts: bounds every cell value, attribute and tag name. */
  maxTextRun: number;
}

/** Every workbook may unpack to this much, however small the file. */
export const MIN_INFLATED_BYTES = 250_000_000;
/** Worksheet XML compresses 8–15 times (measured on generated event workbooks); a zip bomb about a thousand times. */
export const MAX_INFLATION_RATIO = 100;
/** Excel holds at most 32,767 characters in a cell; a megabyte leaves room for entities and multi-byte letters. */
export const MAX_TEXT_RUN = 1_000_000;

/** The limits for a workbook file of this size. */
export function workbookLimits(fileSize: number): WorkbookLimits {
  return { maxInflatedBytes: Math.max(MIN_INFLATED_BYTES, fileSize * MAX_INFLATION_RATIO), maxTextRun: MAX_TEXT_RUN };
}

// The parts exceljs parses as XML (the worksheets, shared strings, workbook, styles and their relations); pictures
// and other binary parts have no `<` and are only counted.
const XML_PART = /^xl\/.*\.(?:xml|rels)$/i;
const LT = 0x3c;

/**
 * Reads a workbook through the same streaming ZIP reader exceljs uses (unzipper, by its local headers, front to back)
 * and counts the bytes its parts really inflate to, stopping as soon as they pass the limit: the sizes a ZIP declares
 * are not to be trusted (a 1 MB file declaring 1 KB can inflate to 1 GB). It also refuses XML text longer than any
 * cell Excel can hold, which exceljs would otherwise gather in memory whole. Each chunk is counted and dropped, so
 * this needs no memory to speak of; it runs before exceljs reads anything.
 */
export async function checkWorkbookSize(
  path: string,
  file: string,
  options: { fileSize: number; limits?: Partial<WorkbookLimits>; signal?: AbortSignal },
): Promise<void> {
  const limits = { ...workbookLimits(options.fileSize), ...options.limits };
  const { Parse } = await import("unzipper");
  const input = createReadStream(path, { highWaterMark: 1 << 20, signal: options.signal });
  const zip = Parse({ forceStream: true });
  let current: Entry | undefined;
  let failed: Error | undefined;
  input.on("error", (err) => zip.destroy(err));
  // unzipper reports a file that ends inside a part (FILE_ENDED) on the archive, leaving that part's stream open for
  // ever (whether it is being read or still waiting to be): end the part with the error instead of waiting on it.
  zip.on("error", (err: Error) => {
    failed = err;
    current?.destroy(err);
  });
  input.pipe(zip);
  let total = 0;
  try {
    for await (const entry of zip as AsyncIterable<Entry>) {
      if (failed) throw failed;
      current = entry;
      const xml = XML_PART.test(entry.path);
      let run = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        if (options.signal?.aborted) throw new ImportError("cancelled", "the import was cancelled", { file });
        total += chunk.length;
        if (total > limits.maxInflatedBytes) {
          throw new ImportError(
            "too_large",
            `the workbook unpacks to more than ${formatBytes(limits.maxInflatedBytes)} (reading stopped there), far more than a ${formatBytes(options.fileSize)} workbook holds; it may be a "zip bomb". Save it again from a spreadsheet program, or export the sheet as CSV`,
            { file },
          );
        }
        if (xml)
          run = textRunAfter(
            chunk,
            run,
            limits.maxTextRun,
            () =>
              new ImportError(
                "too_large",
                `${entry.path} in the workbook holds a value longer than ${formatBytes(limits.maxTextRun)}; a cell holds at most 32,767 characters, so the file is damaged or not from a spreadsheet program`,
                { file },
              ),
          );
      }
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    if (message === "FILE_ENDED")
      throw new ImportError(
        "malformed_file",
        "the workbook is incomplete: the file ends inside one of its parts (was the upload cut short?)",
        { file },
      );
    throw new ImportError("malformed_file", `cannot read the workbook (${message})`, { file });
  } finally {
    input.destroy();
    zip.destroy();
  }
}

/**
 * The run of bytes without `<` at the end of `chunk`, given the run `before` it; throws when a run passes `max`.
 * Runs inside a chunk are no longer than the chunk, so for chunks up to `max` (inflated chunks are 16 KiB) only the
 * runs across chunk boundaries need counting: two searches per chunk instead of one per tag.
 */
function textRunAfter(chunk: Buffer, before: number, max: number, tooLong: () => ImportError): number {
  let run = before;
  let from = 0;
  for (;;) {
    const at = chunk.indexOf(LT, from);
    run += (at < 0 ? chunk.length : at) - from;
    if (run > max) throw tooLong();
    if (at < 0) return run;
    if (chunk.length <= max) return chunk.length - 1 - chunk.lastIndexOf(LT);
    run = 0;
    from = at + 1;
  }
}
