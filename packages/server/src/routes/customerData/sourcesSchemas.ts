import { z } from "@hono/zod-openapi";
import { IdentifierKindSchema, ImportFormatSchema, TextEncodingSchema } from "@opencjm/analytics";
import {
  FilePreviewSchema as FilePreviewContract,
  IdSchema,
  ImportChoicesQuerySchema,
  ImportRecordSchema as ImportRecordContract,
  ImportStartedSchema as ImportStartedContract,
  SourceSchema as SourceContract,
} from "@opencjm/core";
import { named, WorkspaceParams } from "../openApiSchemas.js";

/** Path parameters of one source. */
export const SourceParams = WorkspaceParams.extend({ sourceId: IdSchema });
/** Path parameters of one import. */
export const ImportParams = WorkspaceParams.extend({ importId: IdSchema });

/** A data source with its saved mapping and what it holds (the contract's). */
export const SourceSchema = named(SourceContract, "EventSource");

/** Bodies of POST …/sources and PATCH …/sources/{sourceId} (the contract's). */
export { SourcesCreateSchema, SourcesPatchSchema } from "@opencjm/core";

const fileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[^/\\\0]+$/, "must be a file name without folders");
/** How to read an uploaded file, given as query parameters (the body is the file itself). */
export const FileReadingQuery = z.object({
  fileName: fileName.openapi({
    description: "The file's name; its extension tells the format when `format` is not given",
  }),
  format: ImportFormatSchema.optional(),
  encoding: TextEncodingSchema.optional(),
  delimiter: z.enum([",", ";", "\t", "|"]).optional(),
});

/** Query of POST …/sources/{sourceId}/imports. */
export const ImportQuery = FileReadingQuery.extend({
  timeZone: z
    .string()
    .max(64)
    .optional()
    .openapi({ description: "IANA zone of timestamps without an offset (overrides the mapping)" }),
  timestampFormat: z.string().max(100).optional(),
  mapping: z.string().max(20_000).optional().openapi({
    description:
      "A column mapping as JSON, for this import (saved on the source when it succeeds); default: the source's saved mapping, else a guess",
  }),
  wait: z
    .enum(["true", "false"])
    .default("false")
    .openapi({ description: "true: answer when the import has finished, with its record" }),
}).extend(ImportChoicesQuerySchema.shape);

/** Query of POST …/sources/preview. */
export const PreviewQuery = FileReadingQuery.extend({
  complete: z
    .enum(["true", "false"])
    .default("false")
    .openapi({ description: "true when the body is the whole file, not just its first bytes" }),
});

/** The preview of an upload's first bytes (the contract's). */
export const FilePreviewSchema = named(FilePreviewContract, "FilePreview");

/** One entry of the import history (the contract's). */
export const ImportRecordSchema = named(ImportRecordContract, "Import");

/** The answer to a started (not awaited) import (the contract's). */
export const ImportStartedSchema = named(ImportStartedContract, "ImportStarted");

/** Query of GET …/imports. */
export const ImportListQuery = z.object({
  sourceId: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** Query of GET …/identities/lookup. */
export const IdentityLookupQuery = z.object({ kind: IdentifierKindSchema, value: z.string().min(1).max(500) });
