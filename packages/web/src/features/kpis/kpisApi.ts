import type { IdeaEffect, Kpi, KpiCreateInput, KpiPatch, KpiSeriesRequestInput, MapKpiSeries } from "@opencjm/core";
import { api } from "../../api/apiClient.js";

const ws = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;

/** Where the KPIs of a map and their series live in the query cache (every filter is part of the key). */
export const mapKpisKey = (mapId: string, request?: KpiSeriesRequestInput) =>
  request === undefined ? (["kpis", "map", mapId] as const) : (["kpis", "map", mapId, request] as const);

/** Where an idea's measured effect lives in the query cache. */
export const ideaEffectKey = (ideaId: string, trialDays: number) => ["kpis", "effect", ideaId, trialDays] as const;

/** Every KPI on the map with its series under the map's filters. */
export function fetchMapKpis(
  workspaceId: string,
  mapId: string,
  request: KpiSeriesRequestInput,
): Promise<MapKpiSeries> {
  return api.post<MapKpiSeries>(`${ws(workspaceId)}/maps/${encodeURIComponent(mapId)}/kpi-series`, request);
}

/** Defines a KPI. */
export function createKpi(workspaceId: string, body: KpiCreateInput): Promise<Kpi> {
  return api.post<Kpi>(`${ws(workspaceId)}/kpis`, body);
}

/** Changes a KPI. */
export function updateKpi(workspaceId: string, kpiId: string, patch: KpiPatch): Promise<Kpi> {
  return api.patch<Kpi>(`${ws(workspaceId)}/kpis/${encodeURIComponent(kpiId)}`, patch);
}

/** The measured effect of a shipped idea on its KPIs. */
export function fetchIdeaEffect(workspaceId: string, ideaId: string, trialDays: number): Promise<IdeaEffect> {
  return api.get<IdeaEffect>(
    `${ws(workspaceId)}/ideas/${encodeURIComponent(ideaId)}/kpi-effect?trialDays=${trialDays}`,
  );
}

/** Keeps the measured effect with the idea. */
export function recordIdeaEffect(workspaceId: string, ideaId: string, trialDays: number): Promise<IdeaEffect> {
  return api.post<IdeaEffect>(
    `${ws(workspaceId)}/ideas/${encodeURIComponent(ideaId)}/kpi-effect?trialDays=${trialDays}`,
  );
}
