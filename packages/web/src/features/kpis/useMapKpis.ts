import type { KpiBucket, KpiSeriesRequestInput, MapKpiSeries } from "@opencjm/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEvidence, type EvidenceFilters } from "../evidence/map/EvidenceContext.js";
import { fetchMapKpis, mapKpisKey } from "./kpisApi.js";
import { useKpiBucket } from "./useKpiBucket.js";

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
 * request for the whole KPI lane; cards find their KPI in it. Periods are the ones chosen for the map (days, weeks,
 * months); while another choice loads, the last series stays shown. Undefined ids (outside the editor) fetch nothing.
 */
export function useMapKpis(
  workspaceId: string | undefined,
  mapId: string | undefined,
): { data: MapKpiSeries | undefined; isPending: boolean; isError: boolean } {
  const evidence = useEvidence();
  const [bucket] = useKpiBucket(mapId);
  const request = seriesRequestOf(evidence?.filters, bucket);
  const query = useQuery({
    queryKey: mapKpisKey(mapId ?? "", request),
    queryFn: () => fetchMapKpis(workspaceId!, mapId!, request),
    enabled: Boolean(workspaceId && mapId),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  return { data: query.data, isPending: query.isPending, isError: query.isError };
}
