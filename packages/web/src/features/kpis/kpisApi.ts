import type { IdeaEffect, Kpi, KpiCreateInput, KpiPatch, KpiSeriesRequestInput, MapKpiSeries } from "@opencjm/core";
import { api } from "../../api/apiClient.js";

const ws = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;

/** Where the KPIs of a map and their series live in the query cache (every filter is part of the key). */
export const mapKpisKey = (mapId: string, request?: KpiSeriesRequestInput) =>
  request === undefined ? (["kpis", "map", mapId] as const) : (["kpis", "map", mapId, request] as const);

/**
 * The windows an effect compares: `afterDays` after the ship date (the trial period) against `beforeDays` before it,
 * or as many days before as after when `beforeDays` is null.
 */
export interface EffectWindows {
  afterDays: number;
  beforeDays: number | null;
}

/** Where an idea's measured effect lives in the query cache. */
export const ideaEffectKey = (ideaId: string, windows: EffectWindows) =>
  ["kpis", "effect", ideaId, windows.afterDays, windows.beforeDays] as const;

/** The query of the effect endpoints: one trial period for both windows, else each window's days. */
const windowsQuery = ({ afterDays, beforeDays }: EffectWindows) =>
  beforeDays === null || beforeDays === afterDays
    ? `trialDays=${afterDays}`
    : `beforeDays=${beforeDays}&afterDays=${afterDays}`;

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
export function fetchIdeaEffect(workspaceId: string, ideaId: string, windows: EffectWindows): Promise<IdeaEffect> {
  return api.get<IdeaEffect>(
    `${ws(workspaceId)}/ideas/${encodeURIComponent(ideaId)}/kpi-effect?${windowsQuery(windows)}`,
  );
}

/** Keeps the measured effect with the idea. */
export function recordIdeaEffect(workspaceId: string, ideaId: string, windows: EffectWindows): Promise<IdeaEffect> {
  return api.post<IdeaEffect>(
    `${ws(workspaceId)}/ideas/${encodeURIComponent(ideaId)}/kpi-effect?${windowsQuery(windows)}`,
  );
}
