import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { ActivityListQuerySchema, ActivityListSchema, IdSchema } from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { notFound } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { listActivity } from "../../store/activityStore.js";
import { errorResponses, jsonContent, named, WorkspaceParams } from "../openApiSchemas.js";

const tags = ["Activity"];
const ActivityList = named(ActivityListSchema, "ActivityList");

const workspaceActivity = createRoute({
  method: "get",
  path: "/api/workspaces/{workspaceId}/activity",
  tags,
  summary:
    "The workspace's activity log, newest first; filter by map (`mapId`, deleted maps too) and person (`actorId`)",
  request: { params: WorkspaceParams, query: ActivityListQuerySchema },
  responses: { 200: jsonContent(ActivityList, "Activity"), ...errorResponses },
});
const mapActivity = createRoute({
  method: "get",
  path: "/api/workspaces/{workspaceId}/maps/{mapId}/activity",
  tags,
  summary: "One map's activity, newest first; filter by person (`actorId`)",
  request: {
    params: WorkspaceParams.extend({ mapId: IdSchema }),
    query: ActivityListQuerySchema.omit({ mapId: true }),
  },
  responses: { 200: jsonContent(ActivityList, "Activity"), ...errorResponses },
});

/** The activity log: who created, renamed, restored or deleted which map, invited or removed whom, imported data… */
export function registerActivityRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(workspaceActivity, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const query = c.req.valid("query");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    return c.json(await listActivity(db, workspaceId, query), 200);
  });

  app.openapi(mapActivity, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const query = c.req.valid("query");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    if (!(await services.maps.find(workspaceId, mapId))) throw notFound("map");
    return c.json(await listActivity(services.db, workspaceId, { ...query, mapId }), 200);
  });
}
