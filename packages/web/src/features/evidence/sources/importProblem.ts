import { ApiRequestError } from "../../../api/apiClient.js";
import type { ImportRecord } from "../api/evidenceTypes.js";

/** Import and preview failures with a sentence of their own in the `evidence.importError.*` catalogue. */
export const IMPORT_ERROR_CODES = [
  "empty_file",
  "binary_file",
  "unknown_format",
  "unknown_encoding",
  "bad_encoding",
  "header_only",
  "bad_header",
  "ragged_row",
  "malformed_file",
  "bad_mapping",
  "unknown_column",
  "bad_timestamp",
  "ambiguous_date",
  "mixed_time_zones",
  "bad_score",
  "missing_event",
  "missing_identifier",
  "duplicate_event",
  "identifier_over_cap",
  "not_enough_disk",
  "too_large",
  "database_busy",
  "cancelled",
  "source_exists",
] as const;

/** A refused file as the screen explains it: a stable code, where in the file, and the server's own words. */
export interface ImportProblem {
  code: string;
  row: number | null;
  column: string | null;
  message: string;
}

/** The problem of a failed import record. */
export function problemOfRecord(record: ImportRecord): ImportProblem | null {
  return record.error ? { code: record.error.code, row: record.error.row, column: record.error.column, message: record.error.message } : null;
}

/** The problem of a failed request: import errors carry "row 3, column ts" as their issue path. */
export function problemOfError(error: unknown): ImportProblem | null {
  if (!(error instanceof ApiRequestError)) return null;
  const path = error.issues[0]?.path ?? "";
  const row = /row (\d+)/.exec(path);
  const column = /column (.+)$/.exec(path);
  return { code: error.code, row: row ? Number(row[1]) : null, column: column ? column[1]! : null, message: error.message };
}
