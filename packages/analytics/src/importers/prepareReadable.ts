import { open, stat } from "node:fs/promises";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import iconv from "iconv-lite";
import { sqlString } from "../engines/duckdb/sqlQuote.js";
import { bomLengthFor, detectEncoding } from "./detectEncoding.js";
import { detectFormat, findBinaryByte, looksUtf16, TEXT_FORMATS } from "./detectFormat.js";
import { ImportError } from "./ImportError.js";
import type { ImportFormat, TextEncoding } from "@opencjm/core";
import { sniffDelimited } from "./sniffDelimited.js";
import { normalizePersian } from "./normalizePersian.js";
import { transcodeToUtf8 } from "./transcodeToUtf8.js";
import { unpackCompressed } from "./unpackCompressed.js";
import { xesToNdjson } from "./xesToNdjson.js";
import { xlsxToCsv } from "./xlsxToCsv.js";
import { jsonColumns, jsonRelation, parquetColumns, parquetRelation } from "./structuredRelations.js";

/** A file made ready for DuckDB: a table expression with one VARCHAR column per column of the file. */
export interface ReadableFile {
  format: ImportFormat;
  /** The text encoding it was decoded from (undefined for XLSX and Parquet). */
  encoding?: TextEncoding;
  delimiter?: string;
  columns: string[];
  /** A DuckDB table expression yielding `columns` as VARCHAR, rows in file order. */
  relation: string;
  size: number;
}

/** What the caller knows about the file. */
export interface ReadableOptions {
  path: string;
  /** The name shown in messages and used for the format (an upload's original name). */
  fileName: string;
  format?: ImportFormat;
  encoding?: TextEncoding;
  delimiter?: string;
  /** Folder for decoded copies; the caller deletes it. */
  workDir: string;
  onBytes?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Set when `path` is what a compressed upload held. */
  unpacked?: boolean;
}

const SAMPLE_BYTES = 256 * 1024;

/** Reads the first bytes of a file. */
export async function readSample(path: string, bytes = SAMPLE_BYTES): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Detects format and encoding, decodes legacy encodings (and Windows-1256 Persian letters) into a UTF-8 copy,
 * converts XLSX and XES into CSV/NDJSON streams on disk, and returns the table expression DuckDB reads.
 */
export async function prepareReadable(connection: DuckDBConnection, options: ReadableOptions): Promise<ReadableFile> {
  const file = options.fileName;
  const size = await stat(options.path).then(
    (s) => s.size,
    () => {
      throw new ImportError("file_not_found", "the file does not exist or cannot be read", { file });
    },
  );
  const sample = await readSample(options.path);
  // A gzip file or a ZIP of one file is read as the file it holds (once: an archive inside is not unpacked again).
  const unpacked = options.unpacked
    ? undefined
    : await unpackCompressed(options.path, sample, { ...options, fileSize: size });
  if (unpacked)
    return prepareReadable(connection, {
      ...options,
      path: unpacked.path,
      fileName: unpacked.fileName,
      unpacked: true,
    });
  const format = detectFormat(file, sample, options.format);
  const progress = (done: number) => options.onBytes?.(done, size);
  if (format === "xlsx") {
    const csv = join(options.workDir, "sheet.csv");
    const header = await xlsxToCsv(options.path, csv, file, { onBytes: progress, signal: options.signal });
    return { format, columns: header, delimiter: ",", relation: csvRelation(csv, ",", header), size };
  }
  if (format === "parquet") {
    const columns = await parquetColumns(connection, options.path, file);
    return { format, columns, relation: parquetRelation(options.path, columns), size };
  }
  if (!TEXT_FORMATS.has(format)) throw new ImportError("unknown_format", `unsupported format ${format}`, { file });

  const binaryAt = findBinaryByte(sample, looksUtf16(sample, options.encoding));
  if (binaryAt !== undefined)
    throw new ImportError(
      "binary_file",
      `the file is not text: binary data at byte ${binaryAt + 1}; is it really a ${format.toUpperCase()} file?`,
      { file },
    );
  const detected = options.encoding
    ? { encoding: options.encoding, bomLength: bomLengthFor(options.encoding, sample) }
    : detectEncoding(sample, file);
  const encoding = detected.encoding;
  let path = options.path;
  if (encoding !== "utf-8" || detected.bomLength > 0) {
    path = join(options.workDir, `decoded.${format}`);
    await transcodeToUtf8({
      source: options.path,
      target: path,
      encoding,
      bomLength: detected.bomLength,
      persian: encoding === "windows-1256",
      file,
      onBytes: progress,
      signal: options.signal,
    });
  }
  const complete = sample.length >= size;
  const decoded = encoding === "utf-8" ? new TextDecoder().decode(sample) : iconv.decode(Buffer.from(sample), encoding);
  // The header must read like the decoded copy, Persian letters included, or mapped column names would not match.
  const text = encoding === "windows-1256" ? normalizePersian(decoded) : decoded;

  if (format === "csv" || format === "tsv") {
    const sniffed = sniffDelimited(text, {
      complete,
      delimiter: options.delimiter ?? (format === "tsv" ? "\t" : undefined),
      file,
    });
    if (complete && sniffed.rows.length === 0)
      throw new ImportError(
        "header_only",
        `the file has a header (${sniffed.header.length} columns) but no data rows`,
        { file },
      );
    return {
      format,
      encoding,
      delimiter: sniffed.delimiter,
      columns: sniffed.header,
      relation: csvRelation(path, sniffed.delimiter, sniffed.header),
      size,
    };
  }
  if (format === "xes") {
    const ndjson = join(options.workDir, "events.ndjson");
    const keys = await xesToNdjson(path, ndjson, file, path === options.path ? progress : undefined, options.signal);
    return { format, encoding, columns: keys, relation: jsonRelation(ndjson, "ndjson", keys), size };
  }
  const columns = await jsonColumns(connection, path, format, file);
  return { format, encoding, columns, relation: jsonRelation(path, format, columns), size };
}

/**
 * read_csv with every option explicit (no sniffing surprises), strict about column counts and quotes. Rows may be up
 * to 16 MB (long texts); the buffer is set to twice that, since DuckDB's default of sixteen times the row limit
 * (256 MB) made the first rows of a file (the mapping's sample) cost a read of up to 256 MB, and left a large file
 * too few buffers to read in parallel: on 2 million events, the sample took 12 ms instead of 440 and the full read
 * 0.8–1.1 s instead of 1.3–1.4.
 */
function csvRelation(path: string, delimiter: string, header: string[]): string {
  const columns = header.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(", ");
  return `read_csv(${sqlString(path)}, header = true, auto_detect = false, delim = ${sqlString(delimiter)}, quote = '"', escape = '"', strict_mode = true, null_padding = false, ignore_errors = false, max_line_size = 16777216, buffer_size = 33554432, columns = {${columns}})`;
}
