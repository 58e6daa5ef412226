import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import {
  applyMapOperations,
  IdSchema,
  MapCreatedSchema,
  MapListItemSchema,
  MapOperationSchema,
  MapSnapshotSchema,
  MapSummarySchema as MapSummaryContract,
  MapWithSnapshotSchema,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { createMapFromRequest, MapCreateSchema } from "../../commands/mapCreator.js";
import { notFound } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { recordMapRename } from "../../activity/recordMapRename.js";
import type { Services } from "../../services.js";
import { errorResponses, jsonBody, jsonContent, named, OkSchema, WorkspaceParams } from "../openApiSchemas.js";
import { listMaps } from "../../store/mapListStore.js";
import { mapOperationErrorToApi } from "./mapOperationErrorToApi.js";

const MapSummarySchema = named(MapSummaryContract, "MapSummary");
const Snapshot = MapSnapshotSchema;
const MapParams = WorkspaceParams.extend({ mapId: IdSchema });
const OperationsBody = z.strictObject({ operations: z.array(MapOperationSchema).min(1).max(5000) });
const SettingsPatch = MapOperationSchema.options[0].shape.settings;
const tags = ["Maps"];
const base = "/api/workspaces/{workspaceId}/maps";

const list = createRoute({
  method: "get",
  path: base,
  tags,
  summary: "Maps of a workspace, most recently edited first, with goal, personas, tags and size",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(z.array(named(MapListItemSchema, "MapListItem")), "Maps"), ...errorResponses },
});
const create = createRoute({
  method: "post",
  path: base,
  tags,
  summary: "Create a map from a template or from a snapshot (any earlier version)",
  request: { params: WorkspaceParams, ...jsonBody(MapCreateSchema) },
  responses: { 201: jsonContent(MapCreatedSchema.extend({ map: MapSummarySchema }), "Created"), ...errorResponses },
});
const get = createRoute({
  method: "get",
  path: `${base}/{mapId}`,
  tags,
  summary: "A map: summary and full snapshot",
  request: { params: MapParams },
  responses: { 200: jsonContent(MapWithSnapshotSchema.extend({ map: MapSummarySchema }), "Map"), ...errorResponses },
});
const patchSettings = createRoute({
  method: "patch",
  path: `${base}/{mapId}/settings`,
  tags,
  summary: "Change map settings (title, goal, scope, type, personas, status, tags, emotion scale)",
  request: { params: MapParams, ...jsonBody(SettingsPatch) },
  responses: { 200: jsonContent(z.object({ snapshot: Snapshot }), "Updated"), ...errorResponses },
});
const operations = createRoute({
  method: "post",
  path: `${base}/{mapId}/operations`,
  tags,
  summary: "Apply a batch of edits, all or nothing; live editors see them at once",
  request: { params: MapParams, ...jsonBody(OperationsBody) },
  responses: {
    200: jsonContent(
      z.object({ results: z.array(z.object({ id: z.string().optional() })), snapshot: Snapshot }),
      "Applied",
    ),
    422: errorResponses[400],
    ...errorResponses,
  },
});
const remove = createRoute({
  method: "delete",
  path: `${base}/{mapId}`,
  tags,
  summary: "Delete a map",
  request: { params: MapParams },
  responses: { 200: jsonContent(OkSchema, "Deleted"), ...errorResponses },
});

async function requireMap(services: Services, workspaceId: string, mapId: string) {
  const map = await services.maps.find(workspaceId, mapId);
  if (!map) throw notFound("map");
  return map;
}

/** Journey maps: list, create (template or snapshot), read, edit through Yjs operations, delete. */
export function registerMapRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await listMaps(services.db, workspaceId), 200);
  });

  app.openapi(create, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    const created = await createMapFromRequest(services, {
      workspaceId,
      userId: caller.userId,
      request: c.req.valid("json"),
    });
    return c.json(created, 201);
  });

  app.openapi(get, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    const map = await requireMap(services, workspaceId, mapId);
    return c.json({ map, snapshot: await services.maps.readSnapshot(mapId) }, 200);
  });

  app.openapi(patchSettings, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    const before = await requireMap(services, workspaceId, mapId);
    const settings = c.req.valid("json");
    const { snapshot } = await services.maps
      .edit(mapId, (doc) => applyMapOperations(doc, [{ op: "updateSettings", settings }]), `api:${caller.userId}`)
      .catch(mapOperationErrorToApi("settings"));
    await recordMapRename(services, before, caller.userId);
    return c.json({ snapshot }, 200);
  });

  app.openapi(operations, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    const before = await requireMap(services, workspaceId, mapId);
    const body = c.req.valid("json");
    const { result, snapshot } = await services.maps
      .edit(mapId, (doc) => applyMapOperations(doc, body.operations), `api:${caller.userId}`)
      .catch(mapOperationErrorToApi(""));
    await recordMapRename(services, before, caller.userId);
    return c.json({ results: result, snapshot }, 200);
  });

  app.openapi(remove, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    const map = await requireMap(services, workspaceId, mapId);
    await services.maps.remove(mapId);
    await services.activity.record({
      workspaceId,
      mapId,
      actorId: caller.userId,
      action: "map.deleted",
      data: { title: map.title },
    });
    return c.json({ ok: true as const }, 200);
  });
}
