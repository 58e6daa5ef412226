import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { formatBytes } from "./checkDiskSpace.js";
import { bomLengthFor, detectEncoding } from "./detectEncoding.js";
import { detectFormat, findBinaryByte, looksUtf16, TEXT_FORMATS } from "./detectFormat.js";
import { timeColumnNotes, timeColumnWarnings } from "./checkTimeVaries.js";
import { GUESS_SAMPLE_ROWS, guessMapping } from "./guessMapping.js";
import { ImportError } from "./ImportError.js";
import { ImportMappingSchema, type FilePreview, type ImportFormat, type TextEncoding } from "@opencjm/core";
import { normalizePersian } from "./normalizePersian.js";
import { parseJsonPrefix, parseXesPrefix } from "./parsePrefix.js";
import { readSample } from "./prepareReadable.js";
import { readWorkbookRows } from "./readWorkbookRows.js";
import { parquetColumns, parquetRelation } from "./structuredRelations.js";
import { sniffDelimited } from "./sniffDelimited.js";
import { isGzip, isZip, unpackCompressed } from "./unpackCompressed.js";

/**
 * Previews a file from its beginning (an upload's first bytes are enough for CSV, TSV, JSON, NDJSON and XES; XLSX
 * and Parquet need the whole file): detected format, encoding and delimiter, the header, the first rows and a
 * guessed mapping. `complete` says the file is whole, so a last line without a line break is a row.
 */
export async function previewFile(
  path: string,
  options: {
    fileName: string;
    complete: boolean;
    format?: ImportFormat;
    encoding?: TextEncoding;
    delimiter?: string;
    maxRows?: number;
    /** Set when `path` is what a compressed upload held. */
    unpacked?: boolean;
  },
): Promise<FilePreview> {
  const file = options.fileName;
  const maxRows = options.maxRows ?? 20;
  const sample = await readSample(path, 1 << 20);
  if (!options.unpacked && (isGzip(sample) || isZip(sample))) {
    // A gzip file or a ZIP of one file: preview the file it holds, from its first unpacked megabyte.
    const workDir = await mkdtemp(join(tmpdir(), "opencjm-preview-"));
    try {
      const fileSize = (await stat(path)).size;
      const unpacked = await unpackCompressed(path, sample, { ...options, fileSize, workDir, maxBytes: 1 << 20 });
      if (unpacked)
        return await previewFile(unpacked.path, {
          ...options,
          fileName: unpacked.fileName,
          complete: unpacked.complete,
          unpacked: true,
        });
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }
  const format = detectFormat(file, sample, options.format);
  let table: { header: string[]; rows: string[][] };
  let encoding: TextEncoding | undefined;
  let encodingConfidence: number | undefined;
  let delimiter: string | undefined;
  if (TEXT_FORMATS.has(format)) {
    const binaryAt = findBinaryByte(sample, looksUtf16(sample, options.encoding));
    if (binaryAt !== undefined)
      throw new ImportError(
        "binary_file",
        `the file is not text: binary data at byte ${binaryAt + 1}; is it really a ${format.toUpperCase()} file?`,
        { file },
      );
    const detected = options.encoding
      ? { encoding: options.encoding, bomLength: bomLengthFor(options.encoding, sample), confidence: 1 }
      : detectEncoding(sample, file);
    encoding = detected.encoding;
    encodingConfidence = detected.confidence;
    let text = iconv.decode(Buffer.from(sample.subarray(detected.bomLength)), encoding);
    if (encoding === "windows-1256") text = normalizePersian(text);
    const complete = options.complete && sample.length === (await stat(path)).size;
    // A first line that does not end within the sample cannot be previewed; say why instead of showing a fragment.
    if (!complete && (format === "csv" || format === "tsv" || format === "ndjson") && !text.includes("\n")) {
      throw new ImportError(
        "malformed_file",
        `the first line is longer than ${formatBytes(sample.length)}, far longer than a header or a record; is it really a ${format.toUpperCase()} file?`,
        { file },
      );
    }
    if (format === "csv" || format === "tsv") {
      const sniffed = sniffDelimited(text, {
        complete,
        delimiter: options.delimiter ?? (format === "tsv" ? "\t" : undefined),
        file,
        maxRows,
      });
      delimiter = sniffed.delimiter;
      table = sniffed;
    } else if (format === "xes") table = parseXesPrefix(text, maxRows);
    else table = parseJsonPrefix(text, format, complete, maxRows, file);
  } else {
    if (!options.complete)
      throw new ImportError(
        "malformed_file",
        `a preview of ${format.toUpperCase()} needs the whole file, not its first bytes`,
        { file },
      );
    table = await previewBinary(path, format, file, maxRows);
  }
  if (table.rows.length === 0 && options.complete)
    throw new ImportError("header_only", `the file has a header (${table.header.length} columns) but no data rows`, {
      file,
    });
  const guess = guessMapping(table.header, table.rows.slice(0, GUESS_SAMPLE_ROWS));
  const guessedMapping = guess.mapping;
  const guessNotes = [...guess.notes, ...timeColumnWarnings(guessedMapping, table.header, table.rows)];
  const guessNoteCodes = [...guess.codes, ...timeColumnNotes(guessedMapping, table.header, table.rows)];
  const parsed = ImportMappingSchema.safeParse(guessedMapping);
  const mappingIssues = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  return {
    format,
    encoding,
    encodingConfidence,
    delimiter,
    header: table.header,
    rows: table.rows,
    guessedMapping,
    mappingIssues,
    guessNotes,
    guessNoteCodes,
  };
}

async function previewBinary(
  path: string,
  format: ImportFormat,
  file: string,
  maxRows: number,
): Promise<{ header: string[]; rows: string[][] }> {
  if (format === "xlsx") return previewWorkbook(path, file, maxRows);
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const header = await parquetColumns(connection, path, file);
    const rows = (
      await connection.runAndReadAll(`SELECT * FROM ${parquetRelation(path, header)} LIMIT ${maxRows}`)
    ).getRows() as Array<Array<string | null>>;
    return { header, rows: rows.map((r) => r.map((v) => v ?? "")) };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The header and first rows of a workbook's first sheet; reading stops there instead of converting the whole sheet. */
async function previewWorkbook(
  path: string,
  file: string,
  maxRows: number,
): Promise<{ header: string[]; rows: string[][] }> {
  let header: string[] | undefined;
  const rows: string[][] = [];
  for await (const cells of readWorkbookRows(path, file)) {
    if (!header) header = cells;
    else rows.push(cells);
    if (rows.length >= maxRows) break;
  }
  return { header: header!, rows };
}
