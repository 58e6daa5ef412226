import { z } from "zod";

/**
 * Stable codes of refused event imports and previews: the server sends them as `error.code`, the web app has a
 * sentence for each, and the importer throws them (packages/analytics `ImportError`).
 */
export const IMPORT_ERROR_CODES = [
  "file_not_found",
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
  "source_not_found",
  "database_busy",
  "cancelled",
  "source_exists",
  "clickhouse_publish_failed",
  "internal",
] as const;
export const ImportErrorCodeSchema = z.enum(IMPORT_ERROR_CODES);
export type ImportErrorCode = z.infer<typeof ImportErrorCodeSchema>;

/**
 * One problem in a request or a file. `path` names the field ("settings.title", "body", "row 3, column ts"); a
 * problem inside an uploaded file also says where as data: `row` (1-based data row, the header not counted),
 * `column` (the column's header name or letter), `field` (a field inside the file, "stages.0.name"); `code` is the
 * kind of problem (a zod issue code such as "invalid_type", or an import error code).
 */
export const ApiIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  field: z.string().optional(),
  code: z.string().optional(),
});
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

/** The body of every error answer of the API: a stable code, a sentence, and each problem found. */
export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(ApiIssueSchema),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

/** `{ ok: true }`: the answer of a write that has nothing else to say (a delete, a sign-out). */
export const OkResponseSchema = z.object({ ok: z.literal(true) });
