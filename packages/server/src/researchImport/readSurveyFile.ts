import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeTextBytes, ImportError, readWorkbookRows } from "@opencjm/analytics";
import { RESEARCH_UPLOAD_MAX_BYTES, SURVEY_COLUMNS_MAX, SURVEY_ROWS_MAX } from "@opencjm/core";
import { parse } from "csv-parse/sync";
import { DomainError } from "../errors/DomainError.js";

/** A survey export read whole: its question headers and one row of answers per respondent. */
export interface SurveyFile {
  header: string[];
  rows: string[][];
  /** The text encoding it was read in; null for .xlsx. */
  charset: string | null;
}

/** A survey workbook is small: far less than the event import allows it to unpack to, so a zip bomb stops early. */
const SURVEY_WORKBOOK_INFLATED_MAX = 64 * 1024 * 1024;

const refuse = (
  code: string,
  message: string,
  params: Record<string, string | number>,
  kind: "invalid" | "too_large" = "invalid",
) => new DomainError({ kind, code, message, params });

const XLS_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function isWorkbook(file: string, bytes: Buffer): boolean {
  if (bytes.subarray(0, 8).equals(XLS_MAGIC))
    throw refuse("survey_legacy_xls", `"${file}" is an Excel 97–2003 workbook; save it as .xlsx or .csv`, { file });
  const zip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
  if (/\.xlsx$/i.test(file) && !zip)
    throw refuse("survey_not_xlsx", `"${file}" is not an Excel .xlsx workbook`, { file });
  return zip;
}

async function readWorkbook(file: string, bytes: Buffer): Promise<string[][]> {
  const dir = await mkdtemp(join(tmpdir(), "opencjm-survey-"));
  try {
    const path = join(dir, "survey.xlsx");
    await writeFile(path, bytes);
    const rows: string[][] = [];
    for await (const row of readWorkbookRows(path, file, {
      limits: { maxInflatedBytes: SURVEY_WORKBOOK_INFLATED_MAX },
    })) {
      rows.push(row);
      if (rows.length > SURVEY_ROWS_MAX + 1) break;
    }
    return rows;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    if (error.code === "too_large")
      throw refuse(
        "survey_workbook_bomb",
        `"${file}" unpacks to more than ${SURVEY_WORKBOOK_INFLATED_MAX / 1024 / 1024} MB; it may be a zip bomb`,
        { file, megabytes: SURVEY_WORKBOOK_INFLATED_MAX / 1024 / 1024 },
        "too_large",
      );
    throw refuse("survey_unreadable", `"${file}" cannot be read as a workbook (${error.reason})`, {
      file,
      reason: error.reason,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function decode(bytes: Buffer, file: string, charset: string | undefined): { text: string; charset: string } {
  try {
    const decoded = decodeTextBytes(bytes, { encoding: charset, file });
    return { text: decoded.text, charset: decoded.encoding };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    if (error.code === "unknown_encoding")
      throw refuse(
        "survey_unknown_encoding",
        `cannot read "${file}" as text in a known encoding; give it as charset (utf-8, gb18030, big5, windows-1251, windows-1256)`,
        { file },
      );
    const line = /line (\d+)/.exec(error.reason)?.[1] ?? "1";
    const encoding = /not valid (\S+?);/.exec(error.reason)?.[1] ?? charset ?? "utf-8";
    throw refuse("survey_bad_encoding", `line ${line} of "${file}" has bytes that are not valid ${encoding}`, {
      file,
      line,
      encoding,
    });
  }
}

/** The delimiter a survey tool used: the one of comma, semicolon and tab found most on the header line. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readDelimited(text: string, file: string): string[][] {
  if (text.includes("\u0000")) throw refuse("survey_binary", `"${file}" is not text (it holds binary bytes)`, { file });
  try {
    return parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw refuse("survey_malformed_csv", `"${file}" is not a well-formed CSV file (${reason})`, { file, reason });
  }
}

/**
 * Reads a survey tool's export (CSV/TSV in any encoding the event import reads, detected or given as `charset`, or
 * the first sheet of an .xlsx through the event import's guarded workbook reader, formulas as their results): the
 * first row is the questions, each further row a respondent. Refuses, naming the problem, a file over the size limit,
 * a zip bomb, a legacy .xls, bytes in no known encoding, a row longer than the header, too many rows or columns, or
 * a file with no respondents.
 */
export async function readSurveyFile(input: { file: string; bytes: Buffer; charset?: string }): Promise<SurveyFile> {
  const { file, bytes } = input;
  if (bytes.length > RESEARCH_UPLOAD_MAX_BYTES)
    throw refuse(
      "survey_too_large",
      `"${file}" is ${bytes.length} bytes, over the ${RESEARCH_UPLOAD_MAX_BYTES} bytes a survey export may be`,
      { file, size: bytes.length, limit: RESEARCH_UPLOAD_MAX_BYTES },
      "too_large",
    );
  let rows: string[][];
  let charset: string | null = null;
  if (isWorkbook(file, bytes)) {
    rows = await readWorkbook(file, bytes);
  } else {
    const decoded = decode(bytes, file, input.charset);
    charset = decoded.charset;
    rows = readDelimited(decoded.text, file);
  }
  const [rawHeader, ...answers] = rows;
  if (!rawHeader || answers.length === 0) throw refuse("survey_empty", `"${file}" holds no respondents`, { file });
  if (answers.length > SURVEY_ROWS_MAX)
    throw refuse(
      "survey_too_many_rows",
      `"${file}" holds more than ${SURVEY_ROWS_MAX} respondents`,
      { file, limit: SURVEY_ROWS_MAX },
      "too_large",
    );
  if (rawHeader.length > SURVEY_COLUMNS_MAX)
    throw refuse(
      "survey_too_many_columns",
      `"${file}" has more than ${SURVEY_COLUMNS_MAX} columns`,
      { file, limit: SURVEY_COLUMNS_MAX },
      "too_large",
    );
  const header = rawHeader.map((h, i) => h.trim() || `#${i + 1}`);
  const cleaned = answers.map((row, i) => {
    if (row.length > header.length && row.slice(header.length).some((v) => v.trim() !== ""))
      throw refuse(
        "survey_ragged_row",
        `respondent ${i + 1} of "${file}" has a value in column ${row.length} but the header has only ${header.length}`,
        { row: i + 1, file, column: row.length, columns: header.length },
      );
    return header.map((_, c) => (row[c] ?? "").trim());
  });
  return { header, rows: cleaned, charset };
}
