import { computeMapMetrics, type MapMetrics } from "@opencjm/analytics";
import { MapMetricsRequestSchema, type MapSnapshot } from "@opencjm/core";
import { mapMetricsInput } from "../commands/metricsForMap.js";
import type { Services } from "../services.js";

/**
 * The metrics a PDF or PNG export prints in the data lane: the whole workspace's customer data over the printed map
 * (the current one or a version's), unfiltered, as the editor shows them with "Show data" on and no filter. Null when
 * the workspace has no events yet, so a map without data prints its data lane as the editor shows it without data.
 */
export async function printMetrics(
  services: Services,
  workspaceId: string,
  mapId: string,
  snapshot: MapSnapshot,
): Promise<MapMetrics | null> {
  const input = await mapMetricsInput(services, workspaceId, mapId, MapMetricsRequestSchema.parse({}));
  const metrics = await computeMapMetrics(await services.analytics.open(workspaceId), { ...input, map: snapshot });
  return metrics.totals.storeEvents > 0 ? metrics : null;
}
