import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import {
  effectWindowDays,
  IdeaEffectQuerySchema,
  IdeaEffectSchema,
  IdSchema,
  KpiCreateSchema,
  KpiPatchSchema,
  KpiSchema,
  KpiSeriesRequestSchema,
  KpiSeriesSchema,
  KpiValueCreateSchema,
  KpiValueSchema,
  MapKpiSeriesSchema,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { errorResponses, jsonBody, jsonContent, OkSchema, WorkspaceParams } from "../openApiSchemas.js";
import { changeKpi, createKpi, kpiMap } from "../../commands/kpiDefiner.js";
import { computeKpiSeriesFor } from "../../commands/kpiSeriesComputer.js";
import { measureIdeaEffect, recordIdeaEffect } from "../../commands/ideaEffectMeasurer.js";
import { wordIdeaEffect } from "../../commands/ideaEffectWording.js";
import { readerLocale } from "../../http/errorHandling.js";
import { deleteKpi, deleteKpiValue, findKpi, insertKpiValue, listKpis } from "../../store/kpiStore.js";

const KpiParams = WorkspaceParams.extend({ kpiId: IdSchema });
const ValueParams = KpiParams.extend({ valueId: IdSchema });
const MapParams = WorkspaceParams.extend({ mapId: IdSchema });
const IdeaParams = WorkspaceParams.extend({ ideaId: IdSchema });
const ListQuery = z.object({
  /** Only the KPIs on this map; "workspace" for those on the workspace itself. */
  mapId: z.union([IdSchema, z.literal("workspace")]).optional(),
});
const tags = ["KPIs"];
const base = "/api/workspaces/{workspaceId}/kpis";
const one = `${base}/{kpiId}`;

const list = createRoute({
  method: "get",
  path: base,
  tags,
  summary: "The workspace's KPIs, on a map (mapId) or on the workspace (mapId=workspace) or all",
  request: { params: WorkspaceParams, query: ListQuery },
  responses: { 200: jsonContent(z.object({ kpis: z.array(KpiSchema) }), "KPIs"), ...errorResponses },
});
const create = createRoute({
  method: "post",
  path: base,
  tags,
  summary: "Define a KPI on the workspace or on a stage, step or touchpoint of a map, from the data or entered by hand",
  request: { params: WorkspaceParams, ...jsonBody(KpiCreateSchema) },
  responses: { 201: jsonContent(KpiSchema, "Created"), ...errorResponses },
});
const get = createRoute({
  method: "get",
  path: one,
  tags,
  summary: "One KPI",
  request: { params: KpiParams },
  responses: { 200: jsonContent(KpiSchema, "KPI"), ...errorResponses },
});
const patch = createRoute({
  method: "patch",
  path: one,
  tags,
  summary: "Change a KPI's name, unit, direction, target, owner or source",
  request: { params: KpiParams, ...jsonBody(KpiPatchSchema) },
  responses: { 200: jsonContent(KpiSchema, "Updated"), ...errorResponses },
});
const remove = createRoute({
  method: "delete",
  path: one,
  tags,
  summary: "Delete a KPI and its values",
  request: { params: KpiParams },
  responses: { 200: jsonContent(OkSchema, "Deleted"), ...errorResponses },
});
const addValue = createRoute({
  method: "post",
  path: `${one}/values`,
  tags,
  summary: "Enter a value by hand for a date",
  request: { params: KpiParams, ...jsonBody(KpiValueCreateSchema) },
  responses: { 201: jsonContent(KpiValueSchema, "Created"), ...errorResponses },
});
const removeValue = createRoute({
  method: "delete",
  path: `${one}/values/{valueId}`,
  tags,
  summary: "Delete a value entered by hand",
  request: { params: ValueParams },
  responses: { 200: jsonContent(OkSchema, "Deleted"), ...errorResponses },
});
const series = createRoute({
  method: "post",
  path: `${one}/series`,
  tags,
  summary: "A KPI's values per day, week or month, under the map's filters (persona, channels, dates)",
  description: "At most 400 buckets. Semantics: packages/analytics/README.md, KPIs over time.",
  request: { params: KpiParams, ...jsonBody(KpiSeriesRequestSchema) },
  responses: { 200: jsonContent(KpiSeriesSchema, "Series"), ...errorResponses },
});
const mapSeries = createRoute({
  method: "post",
  path: "/api/workspaces/{workspaceId}/maps/{mapId}/kpi-series",
  tags,
  summary: "Every KPI on the map with its series, computed together (the map's KPI lane)",
  request: { params: MapParams, ...jsonBody(KpiSeriesRequestSchema) },
  responses: { 200: jsonContent(MapKpiSeriesSchema, "KPIs and series"), ...errorResponses },
});
const effect = createRoute({
  method: "get",
  path: "/api/workspaces/{workspaceId}/ideas/{ideaId}/kpi-effect",
  tags,
  summary:
    "The measured effect of a shipped idea on its KPIs: before and after its ship date, change, interval, verdict",
  description:
    "`beforeDays` and `afterDays` set the windows before and after the ship date (1–365 days each; `trialDays` sets " +
    "both and is their default). Caveats come as codes and as sentences in the reader's language; a KPI whose step, " +
    "stage or map is gone has a `problem` and the others are still measured.",
  request: { params: IdeaParams, query: IdeaEffectQuerySchema },
  responses: { 200: jsonContent(IdeaEffectSchema, "Effect"), ...errorResponses },
});
const recordEffect = createRoute({
  method: "post",
  path: "/api/workspaces/{workspaceId}/ideas/{ideaId}/kpi-effect",
  tags,
  summary: "Record the measured effect with the idea (once the trial period has passed)",
  request: { params: IdeaParams, query: IdeaEffectQuerySchema },
  responses: { 200: jsonContent(IdeaEffectSchema, "Recorded"), ...errorResponses },
});

/** KPIs: definitions, values entered by hand, series over time, and the measured effect of shipped ideas. */
export function registerKpiRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    return c.json({ kpis: await listKpis(db, workspaceId, c.req.valid("query").mapId) }, 200);
  });

  app.openapi(create, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    return c.json(await createKpi(services, workspaceId, caller.userId, c.req.valid("json")), 201);
  });

  app.openapi(get, async (c) => {
    const { workspaceId, kpiId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    return c.json(await findKpi(db, workspaceId, kpiId), 200);
  });

  app.openapi(patch, async (c) => {
    const { workspaceId, kpiId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    return c.json(await changeKpi(services, workspaceId, kpiId, c.req.valid("json")), 200);
  });

  app.openapi(remove, async (c) => {
    const { workspaceId, kpiId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    await deleteKpi(db, await findKpi(db, workspaceId, kpiId));
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(addValue, async (c) => {
    const { workspaceId, kpiId } = c.req.valid("param");
    const { db } = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(db, caller, workspaceId, "write");
    const kpi = await findKpi(db, workspaceId, kpiId);
    return c.json(await insertKpiValue(db, kpi.id, caller.userId, c.req.valid("json")), 201);
  });

  app.openapi(removeValue, async (c) => {
    const { workspaceId, kpiId, valueId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    await deleteKpiValue(db, (await findKpi(db, workspaceId, kpiId)).id, valueId);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(series, async (c) => {
    const { workspaceId, kpiId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    const kpi = await findKpi(services.db, workspaceId, kpiId);
    const mapId = kpi.anchor.kind === "workspace" ? null : kpi.anchor.mapId;
    const [result] = await computeKpiSeriesFor(services, workspaceId, mapId, [kpi], c.req.valid("json"));
    return c.json(result!, 200);
  });

  app.openapi(mapSeries, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    await kpiMap(services, workspaceId, mapId);
    const kpis = await listKpis(services.db, workspaceId, mapId);
    const result = await computeKpiSeriesFor(services, workspaceId, mapId, kpis, c.req.valid("json"));
    return c.json({ kpis, series: result }, 200);
  });

  app.openapi(effect, async (c) => {
    const { workspaceId, ideaId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    const effect = await measureIdeaEffect(services, workspaceId, ideaId, effectWindowDays(c.req.valid("query")));
    return c.json(wordIdeaEffect(effect, await readerLocale(c)), 200);
  });

  app.openapi(recordEffect, async (c) => {
    const { workspaceId, ideaId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    const effect = await recordIdeaEffect(services, workspaceId, ideaId, effectWindowDays(c.req.valid("query")));
    return c.json(wordIdeaEffect(effect, await readerLocale(c)), 200);
  });
}
