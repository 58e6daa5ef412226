import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { IdSchema, MapWithSnapshotSchema } from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { createFutureState, FutureStateCreateSchema } from "../../commands/futureStateCreator.js";
import { notFound } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { errorResponses, jsonBody, jsonContent, WorkspaceParams } from "../openApiSchemas.js";

const MapParams = WorkspaceParams.extend({ mapId: IdSchema });
const CreatedSchema = MapWithSnapshotSchema;

const create = createRoute({
  method: "post",
  path: "/api/workspaces/{workspaceId}/maps/{mapId}/future-state",
  tags: ["Maps"],
  summary: "Create a future-state map from this map (a copy to redesign, comparable with it step by step)",
  request: { params: MapParams, ...jsonBody(FutureStateCreateSchema) },
  responses: { 201: jsonContent(CreatedSchema, "Created"), ...errorResponses },
});

/** "Create future state from this map". */
export function registerFutureStateRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    if (!(await services.maps.find(workspaceId, mapId))) throw notFound("map");
    const created = await createFutureState(services, {
      workspaceId,
      userId: caller.userId,
      sourceMapId: mapId,
      request: c.req.valid("json"),
    });
    return c.json(created, 201);
  });
}
