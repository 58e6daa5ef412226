import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import {
  DriftDigestSchema,
  DriftSettingsSchema,
  DriftSubscriptionSchema,
  IdSchema,
  MapDriftSchema,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller, requireSession } from "../../http/callerMiddleware.js";
import { buildDriftDigest, measureMapDrift } from "../../commands/driftDetector.js";
import {
  getDriftSettings,
  isDriftDigestSubscriber,
  saveDriftSettings,
  setDriftDigestSubscriber,
} from "../../store/driftStore.js";
import { errorResponses, jsonBody, jsonContent, WorkspaceParams } from "../openApiSchemas.js";

const MapParams = WorkspaceParams.extend({ mapId: IdSchema });
const tags = ["Drift"];
const base = "/api/workspaces/{workspaceId}/drift";

const digest = createRoute({
  method: "get",
  path: base,
  tags,
  summary: "The workspace digest: steps of every map whose conversion, median time or feedback drifted",
  description: "The latest period of data against the one before; semantics in packages/analytics/README.md, Drift.",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(DriftDigestSchema, "Digest"), ...errorResponses },
});
const mapDrift = createRoute({
  method: "get",
  path: "/api/workspaces/{workspaceId}/maps/{mapId}/drift",
  tags,
  summary: "Every step of a map in both periods, with the measures that drifted flagged",
  request: { params: MapParams },
  responses: { 200: jsonContent(MapDriftSchema, "Drift of the map"), ...errorResponses },
});
const getSettings = createRoute({
  method: "get",
  path: `${base}/settings`,
  tags,
  summary: "The workspace's drift thresholds: period, smallest changes flagged, minimum sample",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(DriftSettingsSchema, "Thresholds"), ...errorResponses },
});
const putSettings = createRoute({
  method: "put",
  path: `${base}/settings`,
  tags,
  summary: "Change the workspace's drift thresholds (fields left out take their defaults)",
  request: { params: WorkspaceParams, ...jsonBody(DriftSettingsSchema) },
  responses: { 200: jsonContent(DriftSettingsSchema, "Thresholds"), ...errorResponses },
});
const getSubscription = createRoute({
  method: "get",
  path: `${base}/subscription`,
  tags,
  summary: "Whether you get this workspace's drift digest by e-mail every week",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(DriftSubscriptionSchema, "Subscription"), ...errorResponses },
});
const putSubscription = createRoute({
  method: "put",
  path: `${base}/subscription`,
  tags,
  summary: "Turn the weekly drift digest e-mail on or off for yourself (sent when SMTP is configured)",
  request: { params: WorkspaceParams, ...jsonBody(DriftSubscriptionSchema) },
  responses: { 200: jsonContent(DriftSubscriptionSchema, "Subscription"), ...errorResponses },
});

/** Drift: the flags that keep a map alive, the workspace digest, its thresholds and the weekly e-mail opt-in. */
export function registerDriftRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(digest, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await buildDriftDigest(services, workspaceId), 200);
  });

  app.openapi(mapDrift, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await measureMapDrift(services, workspaceId, mapId), 200);
  });

  app.openapi(getSettings, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    return c.json(await getDriftSettings(db, workspaceId), 200);
  });

  app.openapi(putSettings, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(db, caller, workspaceId, "write");
    await saveDriftSettings(db, workspaceId, caller.userId, c.req.valid("json"));
    return c.json(await getDriftSettings(db, workspaceId), 200);
  });

  // The e-mail goes to the person, so only they, signed in, choose it: a token acts for scripts, not for inboxes.
  app.openapi(getSubscription, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    const caller = requireSession(c);
    return c.json({ weeklyEmail: await isDriftDigestSubscriber(db, workspaceId, caller.userId) }, 200);
  });

  app.openapi(putSubscription, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    const caller = requireSession(c);
    const { weeklyEmail } = c.req.valid("json");
    await setDriftDigestSubscriber(db, workspaceId, caller.userId, weeklyEmail);
    return c.json({ weeklyEmail }, 200);
  });
}
