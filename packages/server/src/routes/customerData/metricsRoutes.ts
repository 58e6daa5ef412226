import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import {
  CaseDurationsSchema,
  DraftFromDataRequestSchema,
  DraftPlanSchema,
  IdSchema,
  MapMetricsRequestSchema,
  MapMetricsSchema,
  MapWithSnapshotSchema,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { errorResponses, jsonBody, jsonContent, WorkspaceParams } from "../openApiSchemas.js";
import { caseDurationsForMap, metricsForMap } from "../../commands/metricsForMap.js";
import { createMapDraft, previewMapDraft } from "../../commands/mapDrafter.js";

const MapParams = WorkspaceParams.extend({ mapId: IdSchema });
const tags = ["Journey analytics"];
const base = "/api/workspaces/{workspaceId}/maps/{mapId}";

const metrics = createRoute({
  method: "post",
  path: `${base}/metrics`,
  tags,
  summary:
    "All metrics of the map over the workspace's customer data: reach, conversion, timing, scores, sentiment, paths, conformance and a drafted current-state map",
  description:
    "Filters (segment or persona, channels, date range) drop events first; every metric is computed on what is left. Semantics: packages/analytics/README.md.",
  request: { params: MapParams, ...jsonBody(MapMetricsRequestSchema) },
  responses: { 200: jsonContent(MapMetricsSchema, "Metrics"), ...errorResponses },
});
const caseDurations = createRoute({
  method: "post",
  path: `${base}/case-durations`,
  tags,
  summary: "How long customers' journeys take (first to last event), overall and per path variant: median and p90",
  description:
    'The same filters and options as the metrics; variants are the metrics\' top paths. Semantics: packages/analytics/README.md ("Case durations").',
  request: { params: MapParams, ...jsonBody(MapMetricsRequestSchema) },
  responses: { 200: jsonContent(CaseDurationsSchema, "Case durations"), ...errorResponses },
});
const draft = createRoute({
  method: "post",
  path: `${base}/draft-from-data`,
  tags,
  summary: "Create a new current-state map drafted from the most common paths in the data",
  description:
    "Steps in the order most customers go, each stage once; `leaveOut` drops steps of the preview by key. Each step of an event no rule maps yet gets a touchpoint and the rule that maps the event to it, so the new map shows its numbers.",
  request: { params: MapParams, ...jsonBody(DraftFromDataRequestSchema) },
  responses: { 201: jsonContent(MapWithSnapshotSchema, "Created"), ...errorResponses },
});
const draftPreview = createRoute({
  method: "post",
  path: `${base}/draft-from-data/preview`,
  tags,
  summary:
    "The current-state map the data would draft: its title, stages and steps with their customers, nothing created",
  request: { params: MapParams, ...jsonBody(DraftFromDataRequestSchema) },
  responses: { 200: jsonContent(DraftPlanSchema, "Draft"), ...errorResponses },
});

/** Map metrics and case durations over customer data, and a current-state map drafted from it (previewed, then created). */
export function registerMetricsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(metrics, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    const { metrics: result } = await metricsForMap(services, workspaceId, mapId, c.req.valid("json"));
    return c.json(result, 200);
  });

  app.openapi(caseDurations, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await caseDurationsForMap(services, workspaceId, mapId, c.req.valid("json")), 200);
  });

  app.openapi(draft, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    const request = c.req.valid("json");
    return c.json(await createMapDraft(services, { workspaceId, mapId, userId: caller.userId, request }), 201);
  });

  app.openapi(draftPreview, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await previewMapDraft(services, workspaceId, mapId, c.req.valid("json")), 200);
  });
}
