import type { MapMetrics } from "@opencjm/analytics";
import { MapMetricsRequestSchema, type MapSnapshot } from "@opencjm/core";
import { computeMetricsOnEngine } from "../analyticsEngine/clickHouseEngine.js";
import { mapMetricsInput } from "../commands/metricsForMap.js";
import type { Services } from "../services.js";
import { listTouchpointRules } from "../store/touchpointRuleStore.js";

/**
 * The metrics a PDF or PNG export prints in the data lane: the whole workspace's customer data over the printed map
 * (the current one or a version's), unfiltered, as the editor shows them with "Show data" on and no filter. Null when
 * nothing would be printed (no data lane shown, no rule linking events to touchpoints, no events yet), so a map
 * without data prints as the editor shows it and costs no event database to open.
 */
export async function printMetrics(
  services: Services,
  workspaceId: string,
  mapId: string,
  snapshot: MapSnapshot,
  /** The infographic prints key numbers whether or not the map shows a data lane. */
  options: { withoutDataLane?: boolean } = {},
): Promise<MapMetrics | null> {
  if (!options.withoutDataLane && !snapshot.lanes.some((l) => l.type === "data" && !l.hidden)) return null;
  if ((await listTouchpointRules(services.db, workspaceId)).length === 0) return null;
  try {
    const input = await mapMetricsInput(services, workspaceId, mapId, MapMetricsRequestSchema.parse({}));
    // The configured engine, as the map's metrics endpoint uses: ClickHouse when configured, else DuckDB.
    const metrics = await computeMetricsOnEngine(services.analytics, workspaceId, { ...input, map: snapshot });
    return metrics.totals.storeEvents > 0 ? metrics : null;
  } catch (err) {
    // The map still prints (its data lane as without data) rather than the whole export failing over its numbers.
    console.error(`export: the map's metrics could not be computed: ${err instanceof Error ? err.message : err}`);
    return null;
  }
}
