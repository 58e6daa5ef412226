import { rm } from "node:fs/promises";
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import {
  createSource,
  deleteSource,
  getSource,
  ImportError,
  listSources,
  previewFile,
  updateSource,
} from "@opencjm/analytics";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { importFailureError, receiveUpload } from "../../commands/eventImporter.js";
import { notFound } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { errorResponses, jsonBody, jsonContent, OkSchema, WorkspaceParams } from "../openApiSchemas.js";
import {
  FilePreviewSchema,
  PreviewQuery,
  SourceParams,
  SourceSchema,
  SourcesCreateSchema,
  SourcesPatchSchema,
} from "./sourcesSchemas.js";
import { publishWorkspaceEvents } from "../../analyticsEngine/clickHouseEngine.js";

const tags = ["Data sources"];
const W = "/api/workspaces/{workspaceId}";
const fileBody = {
  body: {
    content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
    required: true,
    description: "The file's bytes (for a preview, its first bytes are enough except for XLSX and Parquet)",
  },
};

const list = createRoute({
  method: "get",
  path: `${W}/sources`,
  tags,
  summary: "Data sources of a workspace, with their saved mappings and event counts",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(z.array(SourceSchema), "Sources"), ...errorResponses },
});
const create = createRoute({
  method: "post",
  path: `${W}/sources`,
  tags,
  summary: "Create a data source (web analytics, CRM, support, survey…)",
  request: { params: WorkspaceParams, ...jsonBody(SourcesCreateSchema) },
  responses: { 201: jsonContent(SourceSchema, "Created"), 409: errorResponses[400], ...errorResponses },
});
const get = createRoute({
  method: "get",
  path: `${W}/sources/{sourceId}`,
  tags,
  summary: "One data source",
  request: { params: SourceParams },
  responses: { 200: jsonContent(SourceSchema, "Source"), ...errorResponses },
});
const patch = createRoute({
  method: "patch",
  path: `${W}/sources/{sourceId}`,
  tags,
  summary: "Rename a source or change its saved mapping",
  request: { params: SourceParams, ...jsonBody(SourcesPatchSchema) },
  responses: { 200: jsonContent(SourceSchema, "Updated"), ...errorResponses },
});
const remove = createRoute({
  method: "delete",
  path: `${W}/sources/{sourceId}`,
  tags,
  summary: "Delete a source with every event imported from it; identities are stitched again without it",
  request: { params: SourceParams },
  responses: { 200: jsonContent(OkSchema, "Deleted"), ...errorResponses },
});
const preview = createRoute({
  method: "post",
  path: `${W}/sources/preview`,
  tags,
  summary:
    "Preview a file before importing it: detected format, encoding and delimiter, header, first rows and a guessed mapping",
  request: { params: WorkspaceParams, query: PreviewQuery, ...fileBody },
  responses: {
    200: jsonContent(FilePreviewSchema, "Preview"),
    413: errorResponses[400],
    422: errorResponses[400],
    ...errorResponses,
  },
});

/** Data sources: CRUD with saved mappings, and previews of files to import. */
export function registerSourcesRoutes(app: OpenAPIHono<AppEnv>): void {
  const guard = <T>(work: Promise<T>) =>
    work.catch((err: unknown) => {
      throw err instanceof ImportError ? importFailureError(err) : err;
    });

  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await listSources((await services.analytics.open(workspaceId)).connection), 200);
  });

  app.openapi(create, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    const db = await services.analytics.open(workspaceId);
    return c.json(await guard(createSource(db.connection, c.req.valid("json"))), 201);
  });

  app.openapi(get, async (c) => {
    const { workspaceId, sourceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    const source = await getSource((await services.analytics.open(workspaceId)).connection, sourceId);
    if (!source) throw notFound("source");
    return c.json(source, 200);
  });

  app.openapi(patch, async (c) => {
    const { workspaceId, sourceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    const source = await guard(
      updateSource((await services.analytics.open(workspaceId)).connection, sourceId, c.req.valid("json")),
    );
    if (!source) throw notFound("source");
    return c.json(source, 200);
  });

  app.openapi(remove, async (c) => {
    const { workspaceId, sourceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    if (!(await deleteSource(await services.analytics.open(workspaceId), sourceId))) throw notFound("source");
    // Identities were stitched again without the source: ClickHouse, when configured, gets the new event set.
    await publishWorkspaceEvents(services.analytics, workspaceId);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(preview, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const query = c.req.valid("query");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    const length = c.req.header("content-length");
    const upload = await receiveUpload(
      services,
      workspaceId,
      c.req.raw.body,
      length ? Number(length) : undefined,
      ".preview",
    );
    try {
      const result = await guard(
        previewFile(upload.path, {
          fileName: query.fileName,
          complete: query.complete === "true",
          format: query.format,
          encoding: query.encoding,
          delimiter: query.delimiter,
        }),
      );
      return c.json(result, 200);
    } finally {
      await rm(upload.path, { force: true });
    }
  });
}
