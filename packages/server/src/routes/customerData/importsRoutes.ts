import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { getImport, getSource, ImportMappingSchema, listImports, type ImportMappingInput } from "@opencjm/analytics";
import { streamSSE } from "hono/streaming";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { cancelImport } from "../../customerData/importCanceller.js";
import type { ImportUpdate } from "../../customerData/ImportTracker.js";
import { importFailureError, receiveUpload, startEventImport } from "../../commands/eventImporter.js";
import { fieldError, notFound } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { validationError } from "../../http/errorHandling.js";
import { errorResponses, jsonContent, WorkspaceParams } from "../openApiSchemas.js";
import {
  ImportListQuery,
  ImportParams,
  ImportQuery,
  ImportRecordSchema,
  ImportStartedSchema,
  SourceParams,
} from "./sourcesSchemas.js";

const tags = ["Imports"];
const W = "/api/workspaces/{workspaceId}";

const start = createRoute({
  method: "post",
  path: `${W}/sources/{sourceId}/imports`,
  tags,
  summary: "Import a file of events into a source (the body is the file, streamed to disk; up to MAX_UPLOAD_BYTES)",
  description:
    "All or nothing: a file with a bad row is refused with the row, column and reason, and nothing of it is stored. Without `wait`, answers 202 at once; follow the import at `eventsUrl` (server-sent events: `progress`, then `done` or `failed`) or `statusUrl`.",
  request: {
    params: SourceParams,
    query: ImportQuery,
    body: {
      content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
      required: true,
    },
  },
  responses: {
    200: jsonContent(ImportRecordSchema, "Finished (wait=true)"),
    202: jsonContent(ImportStartedSchema, "Started"),
    413: errorResponses[400],
    422: errorResponses[400],
    507: errorResponses[400],
    ...errorResponses,
  },
});
const list = createRoute({
  method: "get",
  path: `${W}/imports`,
  tags,
  summary: "Import history, newest first (failed imports with their error)",
  request: { params: WorkspaceParams, query: ImportListQuery },
  responses: { 200: jsonContent(z.array(ImportRecordSchema), "Imports"), ...errorResponses },
});
const get = createRoute({
  method: "get",
  path: `${W}/imports/{importId}`,
  tags,
  summary: "One import: its status, progress while it runs, counts or error",
  request: { params: ImportParams },
  responses: { 200: jsonContent(ImportRecordSchema, "Import"), ...errorResponses },
});
const cancel = createRoute({
  method: "post",
  path: `${W}/imports/{importId}/cancel`,
  tags,
  summary:
    "Cancel a running import: it stops, everything it did is rolled back, and the history records it as cancelled",
  description:
    "Whoever started the import may cancel it, and so may editors (read-only tokens may not). Answers once the import has stopped, with its history entry (`failed`, error code `cancelled`, saying who cancelled it). An import that finished first answers 409 `import_finished`.",
  request: { params: ImportParams },
  responses: { 200: jsonContent(ImportRecordSchema, "Cancelled"), 409: errorResponses[400], ...errorResponses },
});
const events = createRoute({
  method: "get",
  path: `${W}/imports/{importId}/events`,
  tags,
  summary:
    "Progress of an import as server-sent events: `progress` (phase and fraction), then `done` or `failed` with the import",
  request: { params: ImportParams },
  responses: {
    200: { content: { "text/event-stream": { schema: z.string() } }, description: "Event stream" },
    ...errorResponses,
  },
});

function parseMapping(json: string | undefined): ImportMappingInput | undefined {
  if (json === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw fieldError("query.mapping", "is not valid JSON");
  }
  const parsed = ImportMappingSchema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, "query.mapping");
  return value as ImportMappingInput;
}

/** Imports: upload and run (with progress), cancel, history, status, and progress as server-sent events. */
export function registerImportsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(start, async (c) => {
    const { workspaceId, sourceId } = c.req.valid("param");
    const query = c.req.valid("query");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    const mapping = parseMapping(query.mapping);
    const db = await services.analytics.open(workspaceId);
    if (!(await getSource(db.connection, sourceId))) throw notFound("source");
    const length = c.req.header("content-length");
    const upload = await receiveUpload(
      services,
      workspaceId,
      c.req.raw.body,
      length ? Number(length) : undefined,
      ".upload",
    );
    const { importId, finished } = await startEventImport(services, {
      workspaceId,
      sourceId,
      path: upload.path,
      fileName: query.fileName,
      options: {
        mapping,
        format: query.format,
        encoding: query.encoding,
        delimiter: query.delimiter,
        timeZone: query.timeZone,
        timestampFormat: query.timestampFormat,
        duplicates: query.duplicates,
        skipBadRows: query.skipBadRows === "true",
      },
    });
    services.analytics.imports.startedBy(importId, caller.userId);
    if (query.wait === "true") {
      const record = await finished;
      if (record.error) throw importFailureError(record.error);
      return c.json(record, 200);
    }
    const base = `/api/workspaces/${workspaceId}/imports/${importId}`;
    return c.json({ importId, status: "running" as const, statusUrl: base, eventsUrl: `${base}/events` }, 202);
  });

  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(
      await listImports((await services.analytics.open(workspaceId)).connection, c.req.valid("query")),
      200,
    );
  });

  app.openapi(get, async (c) => {
    const { workspaceId, importId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    const record = await getImport((await services.analytics.open(workspaceId)).connection, importId);
    if (!record) throw notFound("import");
    const live = services.analytics.imports.current(workspaceId, importId)?.last;
    return c.json(
      record.status === "running" && live?.type === "progress" ? { ...record, progress: live.progress } : record,
      200,
    );
  });

  app.openapi(cancel, async (c) => {
    const { workspaceId, importId } = c.req.valid("param");
    return c.json(await cancelImport(c.get("services"), requireCaller(c), workspaceId, importId), 200);
  });

  app.openapi(events, async (c) => {
    const { workspaceId, importId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    const db = await services.analytics.open(workspaceId);
    const tracker = services.analytics.imports;
    const live = tracker.current(workspaceId, importId);
    const stored = live ? undefined : await getImport(db.connection, importId);
    if (!live && !stored) throw notFound("import");
    return streamSSE(c, async (stream) => {
      const send = (update: ImportUpdate) =>
        stream.writeSSE({
          event: update.type,
          data: JSON.stringify(update.type === "progress" ? { importId, ...update.progress } : update.record),
        });
      if (stored) {
        await send(
          stored.status === "running"
            ? { type: "progress", importId, progress: { phase: "prepare", phaseFraction: 0, fraction: 0 } }
            : { type: stored.status, importId, record: stored },
        );
        return;
      }
      // Writes are queued so the final event is written before the stream closes.
      let writing = Promise.resolve();
      const enqueue = (update: ImportUpdate) => {
        writing = writing.then(() => send(update));
      };
      const ended = new Promise<void>((resolve) => {
        const unsubscribe = tracker.subscribe(importId, (update) => {
          enqueue(update);
          if (update.type !== "progress") {
            unsubscribe();
            resolve();
          }
        });
        stream.onAbort(() => {
          unsubscribe();
          resolve();
        });
        // Subscribed first, so nothing is missed between reading the latest state and listening.
        const now = tracker.current(workspaceId, importId);
        if (now?.last) enqueue(now.last);
        if (now?.finished) {
          unsubscribe();
          resolve();
        }
      });
      await ended;
      await writing;
    });
  });
}
