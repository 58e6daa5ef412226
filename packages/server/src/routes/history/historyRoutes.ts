import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import {
  IdSchema,
  MapHistoryQuerySchema,
  MapHistorySchema,
  MapRestoredSchema,
  MapVersionDiffSchema,
  MapVersionSchema,
  MapVersionWithSnapshotSchema,
  VersionCreateSchema,
  VersionDiffQuerySchema,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { diffMapVersions, readMapHistory, readMapVersion } from "../../commands/mapHistoryReader.js";
import { nameMapVersion, restoreMapVersion } from "../../commands/mapVersionWriter.js";
import { notFound } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import type { Services } from "../../services.js";
import { errorResponses, jsonBody, jsonContent, named, WorkspaceParams } from "../openApiSchemas.js";

const MapParams = WorkspaceParams.extend({ mapId: IdSchema });
const VersionParams = MapParams.extend({ versionId: IdSchema });
const Version = named(MapVersionSchema, "MapVersion");
const tags = ["Version history"];
const base = "/api/workspaces/{workspaceId}/maps/{mapId}/versions";

const list = createRoute({
  method: "get",
  path: base,
  tags,
  summary: "A map's versions, newest first, grouped by editing session: who changed the map and when",
  request: { params: MapParams, query: MapHistoryQuerySchema },
  responses: { 200: jsonContent(named(MapHistorySchema, "MapHistory"), "History"), ...errorResponses },
});
const create = createRoute({
  method: "post",
  path: base,
  tags,
  summary: "Name the map as it is now (a named version)",
  request: { params: MapParams, ...jsonBody(VersionCreateSchema) },
  responses: { 201: jsonContent(Version, "Named"), ...errorResponses },
});
const get = createRoute({
  method: "get",
  path: `${base}/{versionId}`,
  tags,
  summary: "One version with the map as it was then, read-only",
  request: { params: VersionParams },
  responses: { 200: jsonContent(MapVersionWithSnapshotSchema, "Version"), ...errorResponses },
});
const diff = createRoute({
  method: "get",
  path: `${base}/{versionId}/diff`,
  tags,
  summary: "What changed between this version and another (`with`: a version id, or `current` for the map now)",
  request: { params: VersionParams, query: VersionDiffQuerySchema },
  responses: { 200: jsonContent(named(MapVersionDiffSchema, "MapVersionDiff"), "Differences"), ...errorResponses },
});
const restore = createRoute({
  method: "post",
  path: `${base}/{versionId}/restore`,
  tags,
  summary: "Restore this version as a new change everyone on the map sees at once (itself a version you can undo)",
  request: { params: VersionParams },
  responses: { 200: jsonContent(MapRestoredSchema, "Restored"), ...errorResponses },
});

async function requireMap(services: Services, workspaceId: string, mapId: string): Promise<void> {
  if (!(await services.maps.find(workspaceId, mapId))) throw notFound("map");
}

/** Version history of a map: list, name, open, compare and restore versions. */
export function registerHistoryRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const { limit } = c.req.valid("query");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    await requireMap(services, workspaceId, mapId);
    return c.json(await readMapHistory(services.db, mapId, limit), 200);
  });

  app.openapi(create, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const { name } = c.req.valid("json");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    await requireMap(services, workspaceId, mapId);
    return c.json(await nameMapVersion(services, { mapId, name, userId: caller.userId }), 201);
  });

  app.openapi(get, async (c) => {
    const { workspaceId, mapId, versionId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    await requireMap(services, workspaceId, mapId);
    return c.json(await readMapVersion(services.db, mapId, versionId), 200);
  });

  app.openapi(diff, async (c) => {
    const { workspaceId, mapId, versionId } = c.req.valid("param");
    const query = c.req.valid("query");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    await requireMap(services, workspaceId, mapId);
    return c.json(await diffMapVersions(services, mapId, versionId, query.with), 200);
  });

  app.openapi(restore, async (c) => {
    const { workspaceId, mapId, versionId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    await requireMap(services, workspaceId, mapId);
    return c.json(await restoreMapVersion(services, { workspaceId, mapId, versionId, userId: caller.userId }), 200);
  });
}
