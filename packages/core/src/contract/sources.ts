import { z } from "zod";
import { ImportErrorCodeSchema } from "./errors.js";

/** Kinds of customer identifier; stitching joins rows that share any of them (PRODUCT.md §4.6). */
export const IdentifierKindSchema = z.enum(["customerId", "email", "phone", "cookie", "device", "other"]);
export type IdentifierKind = z.infer<typeof IdentifierKindSchema>;

/** Score scales the events table knows; other numeric columns are properties. */
export const ScoreKindSchema = z.enum(["csat", "nps", "ces"]);
export type ScoreKind = z.infer<typeof ScoreKindSchema>;

/** What kind of system a source is; it only labels the source. */
export const SourceKindSchema = z.enum(["web", "crm", "email", "support", "survey", "other"]);
export type SourceKind = z.infer<typeof SourceKindSchema>;

/** File formats the importer reads. */
export const ImportFormatSchema = z.enum(["csv", "tsv", "xlsx", "json", "ndjson", "parquet", "xes"]);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

/** Text encodings the importer decodes; everything is stored as UTF-8. */
export const TextEncodingSchema = z.enum([
  "utf-8",
  "utf-16le",
  "utf-16be",
  "gb18030",
  "big5",
  "windows-1251",
  "windows-1256",
]);
export type TextEncoding = z.infer<typeof TextEncodingSchema>;

const name = z.string().trim().min(1).max(120);

/** The role of one column of the file. */
export const ColumnRoleSchema = z.discriminatedUnion("role", [
  z.strictObject({ role: z.literal("identifier"), kind: IdentifierKindSchema }),
  z.strictObject({ role: z.literal("timestamp") }),
  z.strictObject({ role: z.literal("event") }),
  z.strictObject({ role: z.literal("channel") }),
  z.strictObject({ role: z.literal("score"), kind: ScoreKindSchema.optional() }),
  /** A column saying, per row, which scale the score is on (csat, nps or ces). */
  z.strictObject({ role: z.literal("scoreKind") }),
  z.strictObject({ role: z.literal("text") }),
  z.strictObject({ role: z.literal("property"), name: name.optional() }),
  z.strictObject({ role: z.literal("attribute"), name: name.optional() }),
  z.strictObject({ role: z.literal("ignore") }),
]);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

/** Is `zone` an IANA time-zone name this runtime knows ("UTC", "Europe/Berlin", "Asia/Tehran")? */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * How the timestamp column is read: `auto` recognises ISO 8601 (with or without offset), day/month/year and
 * month/day/year (refusing an order the data does not decide), dotted day.month.year and Unix epochs; `dmy`/`mdy`
 * decide the order; a pattern with `%` is a DuckDB strptime format ("%d/%m/%Y %H:%M").
 */
export const TimestampFormatSchema = z.union([
  z.enum(["auto", "iso", "dmy", "mdy", "epoch_s", "epoch_ms"]),
  z
    .string()
    .min(2)
    .max(100)
    .regex(/%/, "must be auto, iso, dmy, mdy, epoch_s, epoch_ms or a strptime pattern containing %"),
]);

const OtherColumnsSchema = z.enum(["properties", "ignore"]);
const DuplicatesSchema = z.enum(["error", "skip", "keep"]);
const RowsWithoutIdentifierSchema = z.enum(["error", "skip"]);

const mappingShape = {
  /** Role of each column by its header name; columns not listed follow `otherColumns`. */
  columns: z.record(z.string().min(1).max(200), ColumnRoleSchema),
  timestampFormat: TimestampFormatSchema.optional(),
  /** Zone of timestamps written without an offset; ones with an offset keep theirs. */
  timeZone: z.string().refine(isTimeZone, "must be an IANA time-zone name such as UTC or Europe/Berlin").optional(),
  /** Event name for every row when no column holds one ("Survey answered"). */
  eventName: name.optional(),
  /** Channel for every row when no column holds one. */
  channel: name.optional(),
  /** Allowed score range, when the file's scale differs from the usual one for its kind. */
  scoreRange: z.tuple([z.number(), z.number()]).optional(),
  otherColumns: OtherColumnsSchema.optional(),
  /** Rows repeating an earlier row exactly: refuse the file (default), drop the copies, or keep them. */
  duplicates: DuplicatesSchema.optional(),
  /** Rows with no usable identifier: refuse the file (default) or leave those rows out. */
  rowsWithoutIdentifier: RowsWithoutIdentifierSchema.optional(),
};

/** A mapping as written or guessed, before defaults are filled in and before its columns are checked. */
export const ImportMappingDraftSchema = z.strictObject(mappingShape);

/** A column mapping: saved per source and reused by its next import. */
export const ImportMappingSchema = z
  .strictObject({
    ...mappingShape,
    timestampFormat: TimestampFormatSchema.default("auto"),
    otherColumns: OtherColumnsSchema.default("ignore"),
    duplicates: DuplicatesSchema.default("error"),
    rowsWithoutIdentifier: RowsWithoutIdentifierSchema.default("error"),
  })
  .superRefine((m, ctx) => {
    const roles = Object.values(m.columns);
    const count = (role: ColumnRole["role"]) => roles.filter((r) => r.role === role).length;
    if (count("timestamp") !== 1)
      ctx.addIssue({
        code: "custom",
        path: ["columns"],
        message: `needs exactly one timestamp column (has ${count("timestamp")})`,
      });
    if (count("event") > 1 || (count("event") === 0 && !m.eventName))
      ctx.addIssue({
        code: "custom",
        path: ["columns"],
        message: "needs one event column, or an eventName for every row",
      });
    if (count("identifier") === 0)
      ctx.addIssue({
        code: "custom",
        path: ["columns"],
        message: "needs at least one identifier column (customer id, e-mail, phone, cookie or device id)",
      });
    for (const role of ["channel", "score", "scoreKind", "text"] as const) {
      if (count(role) > 1)
        ctx.addIssue({
          code: "custom",
          path: ["columns"],
          message: `has ${count(role)} ${role} columns; at most one is allowed`,
        });
    }
    if (count("scoreKind") === 1 && count("score") === 0)
      ctx.addIssue({ code: "custom", path: ["columns"], message: "has a scoreKind column but no score column" });
  });
export type ImportMapping = z.infer<typeof ImportMappingSchema>;
/** A mapping as written by a person or a client, before defaults are filled in. */
export type ImportMappingInput = z.input<typeof ImportMappingSchema>;

/** A data source with its saved mapping and what it holds (`GET …/sources`). */
export const SourceSchema = z.object({
  sourceId: z.string(),
  name: z.string(),
  kind: SourceKindSchema,
  mapping: ImportMappingSchema.nullable(),
  createdAt: z.string(),
  /** Events stored from this source. */
  events: z.number().int(),
  /** Successful imports. */
  imports: z.number().int(),
  lastImportAt: z.string().nullable(),
});
export type Source = z.infer<typeof SourceSchema>;

const sourceName = z.string().trim().min(1).max(120);
/** Body of POST …/sources. */
export const SourcesCreateSchema = z.strictObject({
  name: sourceName,
  kind: SourceKindSchema.default("other"),
  mapping: ImportMappingSchema.optional(),
});
/** Body of PATCH …/sources/{sourceId}. */
export const SourcesPatchSchema = z.strictObject({
  name: sourceName.optional(),
  kind: SourceKindSchema.optional(),
  mapping: ImportMappingSchema.nullable().optional(),
});

/**
 * What the mapping guess (or the time check) wants the user to know, as a code and the values its sentence is worded
 * from (the vocabulary catalogue's `guessNote.<code>`): a second identifier-like column kept as a property, another
 * date column set aside for the event's time, a time column that never changes within a customer.
 */
export const GuessNoteSchema = z.object({
  code: z.enum(["secondIdentifier", "otherDate", "constantTime"]),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type GuessNote = z.infer<typeof GuessNoteSchema>;

/** What the first bytes of a file say about it (`POST …/sources/preview`). */
export const FilePreviewSchema = z.object({
  format: ImportFormatSchema,
  encoding: TextEncodingSchema.optional(),
  encodingConfidence: z.number().optional(),
  delimiter: z.string().optional(),
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** A mapping guessed from the header and the rows; it may not pass the mapping's checks (see mappingIssues). */
  guessedMapping: ImportMappingDraftSchema,
  /** Problems that keep the guessed mapping from being used as it is ("needs exactly one timestamp column"). */
  mappingIssues: z.array(z.string()),
  /** What the guess chose between or set aside, and a time column that does not change within a customer's rows. */
  guessNotes: z.array(z.string()),
  /** The same notes as codes with their values, for a screen to word in its reader's language. */
  guessNoteCodes: z.array(GuessNoteSchema),
});
export type FilePreview = z.infer<typeof FilePreviewSchema>;

/** The phases of an import, in order. */
export const IMPORT_PHASES = ["prepare", "read", "check", "stitch", "write", "store"] as const;
export const ImportPhaseSchema = z.enum(IMPORT_PHASES);
export type ImportPhase = z.infer<typeof ImportPhaseSchema>;

/** Where an import is: its phase, how far through that phase (0–1), and the fraction of the whole (0–1). */
export const ImportProgressSchema = z.object({
  phase: ImportPhaseSchema,
  phaseFraction: z.number(),
  fraction: z.number(),
  bytesRead: z.number().optional(),
  totalBytes: z.number().optional(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

/** The data of a `progress` server-sent event of `…/imports/{importId}/events` (`done` and `failed` carry the record). */
export const ImportProgressEventSchema = ImportProgressSchema.extend({ importId: z.string() });

/** Why an import failed: its stable code, the message, and the 1-based data row and the column where known. */
export const ImportFailureSchema = z.object({
  code: z.union([ImportErrorCodeSchema, z.string()]),
  message: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
});
export type ImportFailure = z.infer<typeof ImportFailureSchema>;

/** One entry of the import history (`GET …/imports`, `…/imports/{importId}`). */
export const ImportRecordSchema = z.object({
  importId: z.string(),
  sourceId: z.string(),
  fileName: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  status: z.enum(["running", "done", "failed"]),
  rowsRead: z.number().int(),
  eventsStored: z.number().int(),
  fileSize: z.number().int().nullable(),
  error: ImportFailureSchema.nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** What the import found and did (counts, the mapping used, junk identifiers dropped…). */
  summary: z.record(z.string(), z.unknown()).nullable(),
  /** While it runs. */
  progress: ImportProgressSchema.optional(),
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;

/**
 * Choices for one import beyond its mapping, as query parameters of `POST …/sources/{sourceId}/imports`: what to do
 * with rows repeating an earlier row exactly (over the mapping's `duplicates`: refuse the file, drop the copies or
 * keep them), and `skipBadRows=true` to leave out rows whose values cannot be read instead of refusing the file.
 */
export const ImportChoicesQuerySchema = z.object({
  duplicates: DuplicatesSchema.optional(),
  skipBadRows: z.enum(["true", "false"]).default("false"),
});
export type ImportChoicesQuery = z.input<typeof ImportChoicesQuerySchema>;

/** One row an import with `skipBadRows` left out: its 1-based data row, the column, the error code, value and reason. */
export const SkippedRowSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.union([ImportErrorCodeSchema, z.string()]),
  value: z.string().nullable(),
  reason: z.string(),
});
export type SkippedRow = z.infer<typeof SkippedRowSchema>;

/** The answer to a started (not awaited) import: where to follow it. */
export const ImportStartedSchema = z.object({
  importId: z.string(),
  status: z.literal("running"),
  statusUrl: z.string(),
  eventsUrl: z.string(),
});
export type ImportStarted = z.infer<typeof ImportStartedSchema>;
