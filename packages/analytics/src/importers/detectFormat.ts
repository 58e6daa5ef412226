import { describeUnknownFormat } from "./describeUnknownFormat.js";
import { ImportError } from "./ImportError.js";
import type { ImportFormat } from "@opencjm/core";

const BY_EXTENSION: Record<string, ImportFormat> = {
  csv: "csv",
  txt: "csv",
  tsv: "tsv",
  tab: "tsv",
  xlsx: "xlsx",
  json: "json",
  ndjson: "ndjson",
  jsonl: "ndjson",
  parquet: "parquet",
  xes: "xes",
};

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PARQUET = [0x50, 0x41, 0x52, 0x31];

/** Formats whose content is text (and so has an encoding and can be checked for binary junk). */
export const TEXT_FORMATS: ReadonlySet<ImportFormat> = new Set(["csv", "tsv", "json", "ndjson", "xes"]);

/** What the first bytes say the file really is, when that is unmistakable. */
function sniffContent(sample: Uint8Array): ImportFormat | "zip" | undefined {
  if (startsWith(sample, PARQUET)) return "parquet";
  if (startsWith(sample, ZIP)) return "zip";
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(sample.subarray(0, 2048))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("<?xml") || head.startsWith("<log"))
    return head.includes("<log") || head.includes("xes") ? "xes" : undefined;
  if (head.startsWith("[")) return "json";
  if (head.startsWith("{")) {
    // One object per line is NDJSON; a single (pretty-printed) object is JSON.
    const firstLine = head.split("\n", 1)[0]!.trim();
    return firstLine.endsWith("}") ? "ndjson" : "json";
  }
  return undefined;
}

/**
 * Decides the format from an explicit choice, the file name and the first bytes. A binary file named `.csv`
 * (a spreadsheet, an archive) is refused with what it looks like instead of being read as garbage.
 */
export function detectFormat(fileName: string, sample: Uint8Array, explicit?: ImportFormat): ImportFormat {
  if (sample.length === 0) throw new ImportError("empty_file", "the file is empty (0 bytes)", { file: fileName });
  const content = sniffContent(sample);
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  const named = explicit ?? BY_EXTENSION[extension];
  if (named === "xlsx" || named === "parquet") {
    const wanted = named === "xlsx" ? "zip" : "parquet";
    if (content !== wanted)
      throw new ImportError(
        "malformed_file",
        `the file is not a valid ${named === "xlsx" ? "XLSX workbook (it does not start like a ZIP archive)" : "Parquet file (it does not start with PAR1)"}`,
        { file: fileName },
      );
    return named;
  }
  if (content === "zip") {
    const looks = describeUnknownFormat(sample);
    if (looks) throw new ImportError("unknown_format", looks, { file: fileName });
  }
  if (content === "zip")
    throw new ImportError(
      "binary_file",
      named
        ? `the file is a ZIP archive (an XLSX workbook?), not ${named.toUpperCase()}; import it as xlsx`
        : "the file is a ZIP archive; import XLSX workbooks with the .xlsx extension or format xlsx",
      { file: fileName },
    );
  if (content === "parquet")
    throw new ImportError(
      "binary_file",
      `the file is a Parquet file, not ${(named ?? "text").toUpperCase()}; import it as parquet`,
      { file: fileName },
    );
  if (named) return named;
  if (content) return content;
  // Named as none of ours: say what it looks like (a PDF, YAML…) when the first bytes tell.
  throw new ImportError(
    "unknown_format",
    describeUnknownFormat(sample) ??
      `cannot tell the format from the name "${fileName}"; give one of csv, tsv, xlsx, json, ndjson, parquet, xes`,
    { file: fileName },
  );
}

/**
 * Finds binary content in a text file's first bytes: NUL bytes (outside UTF-16) or a high share of control
 * characters. Returns the 0-based offset of the first offending byte.
 */
export function findBinaryByte(sample: Uint8Array, utf16: boolean): number | undefined {
  if (utf16) return undefined;
  let controls = 0;
  let firstControl: number | undefined;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) return i;
    // Tab, LF, CR and form feed are text; other C0 controls are not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) {
      controls++;
      firstControl ??= i;
    }
  }
  return controls > Math.max(8, sample.length / 100) ? firstControl : undefined;
}

/** UTF-16 text is full of NUL bytes; it is recognised by its BOM or by the caller naming the encoding. */
export function looksUtf16(sample: Uint8Array, encoding?: string): boolean {
  if (encoding) return encoding.startsWith("utf-16");
  return (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
}
