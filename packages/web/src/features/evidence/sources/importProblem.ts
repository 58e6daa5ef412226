import { IMPORT_ERROR_CODES, type ImportErrorCode, type ImportRecord } from "@opencjm/core";
import { ApiRequestError } from "../../../api/apiClient.js";

// Codes that say nothing about the file (it vanished from the server, its source was deleted, the server failed):
// the screen shows its generic error for them instead of a sentence about the file.
const NOT_ABOUT_THE_FILE: ReadonlySet<ImportErrorCode> = new Set(["file_not_found", "source_not_found", "internal"]);

/** Import and preview failures with a sentence of their own in the `evidence.importError.*` catalogue. */
export const EXPLAINED_IMPORT_ERRORS: readonly ImportErrorCode[] = IMPORT_ERROR_CODES.filter(
  (code) => !NOT_ABOUT_THE_FILE.has(code),
);

/** A refused file as the screen explains it: a stable code, where in the file, and the server's own words. */
export interface ImportProblem {
  code: string;
  row: number | null;
  column: string | null;
  message: string;
}

/** The problem of a failed import record. */
export function problemOfRecord(record: ImportRecord): ImportProblem | null {
  return record.error
    ? { code: record.error.code, row: record.error.row, column: record.error.column, message: record.error.message }
    : null;
}

/** The problem of a failed request: an import error's issue says where in the file as `row` and `column`. */
export function problemOfError(error: unknown): ImportProblem | null {
  if (!(error instanceof ApiRequestError)) return null;
  const issue = error.issues[0];
  return { code: error.code, row: issue?.row ?? null, column: issue?.column ?? null, message: error.message };
}
