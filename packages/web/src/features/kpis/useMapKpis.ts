import type { KpiBucket, KpiSeriesRequestInput, MapKpiSeries } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useEvidence, type EvidenceFilters } from "../evidence/map/EvidenceContext.js";
import { fetchMapKpis, mapKpisKey } from "./kpisApi.js";

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The map's data filters as a series request: the date range's last day is included, the API's `to` is not. */
export function seriesRequestOf(filters: EvidenceFilters | undefined, bucket: KpiBucket): KpiSeriesRequestInput {
  if (!filters) return { bucket };
  return {
    bucket,
    ...(filters.personaId ? { personaId: filters.personaId } : {}),
    filters: {
      ...(filters.channels.length ? { channels: filters.channels } : {}),
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: nextDay(filters.to) } : {}),
    },
  };
}

/**
 * Every KPI on the map with its series, under the filters of the map's data view (persona, channels, dates), one
 * request for the whole KPI lane; cards find their KPI in it. Undefined ids (outside the editor) fetch nothing.
 */
export function useMapKpis(
  workspaceId: string | undefined,
  mapId: string | undefined,
  bucket: KpiBucket = "week",
): { data: MapKpiSeries | undefined; isPending: boolean; isError: boolean } {
  const evidence = useEvidence();
  const request = seriesRequestOf(evidence?.filters, bucket);
  const query = useQuery({
    queryKey: mapKpisKey(mapId ?? "", request),
    queryFn: () => fetchMapKpis(workspaceId!, mapId!, request),
    enabled: Boolean(workspaceId && mapId),
    staleTime: 60_000,
  });
  return { data: query.data, isPending: query.isPending, isError: query.isError };
}
