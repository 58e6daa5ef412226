import { z } from "zod";

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

/** A column mapping: saved per source and reused by its next import. */
export const ImportMappingSchema = z
  .strictObject({
    /** Role of each column by its header name; columns not listed follow `otherColumns`. */
    columns: z.record(z.string().min(1).max(200), ColumnRoleSchema),
    timestampFormat: TimestampFormatSchema.default("auto"),
    /** Zone of timestamps written without an offset; ones with an offset keep theirs. */
    timeZone: z.string().refine(isTimeZone, "must be an IANA time-zone name such as UTC or Europe/Berlin").optional(),
    /** Event name for every row when no column holds one ("Survey answered"). */
    eventName: name.optional(),
    /** Channel for every row when no column holds one. */
    channel: name.optional(),
    /** Allowed score range, when the file's scale differs from the usual one for its kind. */
    scoreRange: z.tuple([z.number(), z.number()]).optional(),
    otherColumns: z.enum(["properties", "ignore"]).default("ignore"),
    /** Rows repeating an earlier row exactly: refuse the file (default), drop the copies, or keep them. */
    duplicates: z.enum(["error", "skip", "keep"]).default("error"),
    /** Rows with no usable identifier: refuse the file (default) or leave those rows out. */
    rowsWithoutIdentifier: z.enum(["error", "skip"]).default("error"),
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

/** The usual range of each score scale; values outside it are refused unless the mapping gives `scoreRange`. */
export const SCORE_RANGES: Record<ScoreKind, [number, number]> = { csat: [1, 5], nps: [0, 10], ces: [1, 7] };
