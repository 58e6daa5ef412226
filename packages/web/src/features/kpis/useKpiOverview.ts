import type { Kpi, KpiSeries, KpiSeriesRequestInput } from "@opencjm/core";
import { useQueries, useQuery, type QueryClient } from "@tanstack/react-query";
import { fetchKpiSeries, fetchWorkspaceKpis, kpiSeriesKey, workspaceKpisKey } from "./kpiListApi.js";
import { useMapPlaces, type MapPlaces } from "./kpiPlaces.js";
import { fetchMapKpis, mapKpisKey } from "./kpisApi.js";

/** Which KPIs the list shows: all, those on the workspace itself, or those on one map. */
export type KpiListFilter = "all" | "workspace" | { mapId: string };

/** One KPI of the list with its series (undefined while it loads or when it could not be computed). */
export interface KpiOverviewRow {
  kpi: Kpi;
  series: KpiSeries | undefined;
  failed: boolean;
  places: MapPlaces | undefined;
}

// The list shows each KPI weekly: one computed from the data as its map's KPI lane does by default (up to the newest
// event), one entered by hand up to today, so a value entered today is on its chart even when the data is older.
const REQUEST: KpiSeriesRequestInput = { bucket: "week" };
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const manualRequest = (): KpiSeriesRequestInput => ({ bucket: "week", filters: { to: tomorrow() } });

const mapIdOf = (kpi: Kpi) => (kpi.anchor.kind === "workspace" ? null : kpi.anchor.mapId);

function matches(kpi: Kpi, filter: KpiListFilter): boolean {
  if (filter === "all") return true;
  if (filter === "workspace") return kpi.anchor.kind === "workspace";
  return mapIdOf(kpi) === filter.mapId;
}

/**
 * The workspace's KPIs under a filter, each with its weekly series: one request per map for the KPIs computed on it
 * (the answer the map's KPI lane uses) and one per KPI entered by hand, plus the names of the places they sit on.
 */
export function useKpiOverview(workspaceId: string, filter: KpiListFilter) {
  const list = useQuery({ queryKey: workspaceKpisKey(workspaceId), queryFn: () => fetchWorkspaceKpis(workspaceId) });
  const kpis = (list.data?.kpis ?? []).filter((k) => matches(k, filter));
  const mapIds = [...new Set(kpis.flatMap((k) => mapIdOf(k) ?? []))];
  const computed = [...new Set(kpis.flatMap((k) => (k.source.kind === "data" ? (mapIdOf(k) ?? []) : [])))];
  const byHand = kpis.filter((k) => k.source.kind === "manual");
  const request = manualRequest();
  const maps = useQueries({
    queries: computed.map((mapId) => ({
      queryKey: mapKpisKey(mapId, REQUEST),
      queryFn: () => fetchMapKpis(workspaceId, mapId, REQUEST),
    })),
  });
  const own = useQueries({
    queries: byHand.map((kpi) => ({
      queryKey: kpiSeriesKey(kpi.id, request),
      queryFn: () => fetchKpiSeries(workspaceId, kpi.id, request),
    })),
  });
  const places = useMapPlaces(workspaceId, mapIds);
  const rows: KpiOverviewRow[] = kpis.map((kpi) => {
    const mapId = mapIdOf(kpi);
    const query = kpi.source.kind === "manual" ? own[byHand.indexOf(kpi)] : maps[computed.indexOf(mapId ?? "")];
    const data = query?.data;
    const series = data && "kpiId" in data ? data : data?.series.find((s) => s.kpiId === kpi.id);
    return { kpi, series, failed: Boolean(query?.isError), places: mapId ? places.get(mapId) : undefined };
  });
  return { list, rows };
}

/** Asks again for everything that shows a KPI after a change to it or its values: the list, its series, its map's lane. */
export function refreshKpi(client: QueryClient, workspaceId: string, kpi: Kpi): Promise<unknown> {
  const mapId = mapIdOf(kpi);
  return Promise.all([
    client.invalidateQueries({ queryKey: workspaceKpisKey(workspaceId) }),
    client.invalidateQueries({ queryKey: ["kpis", "series", kpi.id] }),
    ...(mapId ? [client.invalidateQueries({ queryKey: mapKpisKey(mapId) })] : []),
  ]);
}
