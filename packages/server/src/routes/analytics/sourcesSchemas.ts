import { z } from "@hono/zod-openapi";
import { IdentifierKindSchema, ImportFormatSchema, ImportMappingSchema, SourceKindSchema, TextEncodingSchema } from "@opencjm/analytics";
import { IdSchema } from "@opencjm/core";
import { WorkspaceParams } from "../openApiSchemas.js";

/** Path parameters of one source. */
export const SourceParams = WorkspaceParams.extend({ sourceId: IdSchema });
/** Path parameters of one import. */
export const ImportParams = WorkspaceParams.extend({ importId: IdSchema });

/** A data source with its saved mapping and what it holds. */
export const SourceSchema = z
  .object({
    sourceId: z.string(),
    name: z.string(),
    kind: SourceKindSchema,
    mapping: ImportMappingSchema.nullable(),
    createdAt: z.string(),
    events: z.number().int(),
    imports: z.number().int(),
    lastImportAt: z.string().nullable(),
  })
  .openapi("EventSource");

const sourceName = z.string().trim().min(1).max(120);
/** Body of POST …/sources. */
export const SourcesCreateSchema = z.strictObject({ name: sourceName, kind: SourceKindSchema.default("other"), mapping: ImportMappingSchema.optional() });
/** Body of PATCH …/sources/{sourceId}. */
export const SourcesPatchSchema = z.strictObject({ name: sourceName.optional(), kind: SourceKindSchema.optional(), mapping: ImportMappingSchema.nullable().optional() });

const fileName = z.string().trim().min(1).max(255).regex(/^[^/\\\0]+$/, "must be a file name without folders");
/** How to read an uploaded file, given as query parameters (the body is the file itself). */
export const FileReadingQuery = z.object({
  fileName: fileName.openapi({ description: "The file's name; its extension tells the format when `format` is not given" }),
  format: ImportFormatSchema.optional(),
  encoding: TextEncodingSchema.optional(),
  delimiter: z.enum([",", ";", "\t", "|"]).optional(),
});

/** Query of POST …/sources/{sourceId}/imports. */
export const ImportQuery = FileReadingQuery.extend({
  timeZone: z.string().max(64).optional().openapi({ description: "IANA zone of timestamps without an offset (overrides the mapping)" }),
  timestampFormat: z.string().max(100).optional(),
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .openapi({ description: "A column mapping as JSON, for this import (saved on the source when it succeeds); default: the source's saved mapping, else a guess" }),
  wait: z.enum(["true", "false"]).default("false").openapi({ description: "true: answer when the import has finished, with its record" }),
});

/** Query of POST …/sources/preview. */
export const PreviewQuery = FileReadingQuery.extend({
  complete: z.enum(["true", "false"]).default("false").openapi({ description: "true when the body is the whole file, not just its first bytes" }),
});

/** The preview of an upload's first bytes. */
export const FilePreviewSchema = z
  .object({
    format: ImportFormatSchema,
    encoding: TextEncodingSchema.optional(),
    encodingConfidence: z.number().optional(),
    delimiter: z.string().optional(),
    header: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    guessedMapping: z.unknown(),
    mappingIssues: z.array(z.string()),
  })
  .openapi("FilePreview");

/** One entry of the import history. */
export const ImportRecordSchema = z
  .object({
    importId: z.string(),
    sourceId: z.string(),
    fileName: z.string(),
    format: z.string(),
    encoding: z.string().nullable(),
    status: z.enum(["running", "done", "failed"]),
    rowsRead: z.number().int(),
    eventsStored: z.number().int(),
    fileSize: z.number().int().nullable(),
    error: z.object({ code: z.string(), message: z.string(), row: z.number().int().nullable(), column: z.string().nullable() }).nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    summary: z.record(z.string(), z.unknown()).nullable(),
    progress: z.object({ phase: z.string(), phaseFraction: z.number(), fraction: z.number() }).optional(),
  })
  .openapi("Import");

/** The answer to a started (not awaited) import. */
export const ImportStartedSchema = z.object({ importId: z.string(), status: z.literal("running"), statusUrl: z.string(), eventsUrl: z.string() }).openapi("ImportStarted");

/** Query of GET …/imports. */
export const ImportListQuery = z.object({ sourceId: IdSchema.optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) });

/** Query of GET …/identities/lookup. */
export const IdentityLookupQuery = z.object({ kind: IdentifierKindSchema, value: z.string().min(1).max(500) });
