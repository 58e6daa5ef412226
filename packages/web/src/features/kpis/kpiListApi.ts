import type { Kpi, KpiSeries, KpiSeriesRequestInput, KpiValue } from "@opencjm/core";
import { api } from "../../api/apiClient.js";

const kpis = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/kpis`;
const one = (workspaceId: string, kpiId: string) => `${kpis(workspaceId)}/${encodeURIComponent(kpiId)}`;

/** Where the workspace's KPI definitions live in the query cache (shared with the idea dialog's KPI picker). */
export const workspaceKpisKey = (workspaceId: string) => ["kpis", "workspace", workspaceId] as const;

/** Where one KPI's own series lives in the query cache. */
export const kpiSeriesKey = (kpiId: string, request: KpiSeriesRequestInput) =>
  ["kpis", "series", kpiId, request] as const;

/** Every KPI of the workspace: on its maps and on the workspace itself. */
export function fetchWorkspaceKpis(workspaceId: string): Promise<{ kpis: Kpi[] }> {
  return api.get<{ kpis: Kpi[] }>(kpis(workspaceId));
}

/** One KPI's values over time, with every value entered by hand. */
export function fetchKpiSeries(workspaceId: string, kpiId: string, request: KpiSeriesRequestInput): Promise<KpiSeries> {
  return api.post<KpiSeries>(`${one(workspaceId, kpiId)}/series`, request);
}

/** Deletes a KPI and its values. */
export function deleteKpi(workspaceId: string, kpiId: string): Promise<unknown> {
  return api.delete(one(workspaceId, kpiId));
}

/** Enters a value by hand for a day ("YYYY-MM-DD"). */
export function addKpiValue(
  workspaceId: string,
  kpiId: string,
  value: { date: string; value: number; note?: string },
): Promise<KpiValue> {
  return api.post<KpiValue>(`${one(workspaceId, kpiId)}/values`, value);
}

/** Deletes a value entered by hand. */
export function deleteKpiValue(workspaceId: string, kpiId: string, valueId: string): Promise<unknown> {
  return api.delete(`${one(workspaceId, kpiId)}/values/${encodeURIComponent(valueId)}`);
}
