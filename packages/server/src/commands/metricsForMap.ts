import { computeCaseDurations, type MapMetrics, type MapMetricsInput } from "@opencjm/analytics";
import type { CaseDurations, MapMetricsRequestSchema, MapSnapshot } from "@opencjm/core";
import type { z } from "zod";
import { findPersonas } from "./personaCreator.js";
import { computeMetricsOnEngine } from "../analyticsEngine/clickHouseEngine.js";
import { fieldError, notFound } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { listTouchpointRules } from "../store/touchpointRuleStore.js";
import { touchpointNames } from "../store/touchpointStore.js";

/**
 * What the engine needs for a map's metrics: loads the map, the workspace's touchpoint rules and names, and resolves
 * a persona to its segment (a map's own segment applies when the request names none).
 */
export async function mapMetricsInput(
  services: Services,
  workspaceId: string,
  mapId: string,
  request: z.infer<typeof MapMetricsRequestSchema>,
): Promise<MapMetricsInput & { map: MapSnapshot }> {
  const map = await services.maps.find(workspaceId, mapId);
  if (!map) throw notFound("map");
  const snapshot = await services.maps.readSnapshot(mapId);
  let segment = request.filters.segment;
  if (request.personaId) {
    if (segment) throw fieldError("personaId", "give a persona or filters.segment, not both");
    const [persona] = await findPersonas(services.db, workspaceId, [request.personaId]);
    if (!persona)
      throw fieldError("personaId", `no persona "${request.personaId}" in this workspace`, {
        detail: "unknown persona",
      });
    if (!persona.segment)
      throw fieldError("personaId", `persona "${persona.name}" has no segment rule`, {
        code: "persona_without_segment",
        detail: "has no segment rule",
      });
    segment = persona.segment;
  }
  segment ??= snapshot.settings.segment;
  return {
    map: snapshot,
    rules: await listTouchpointRules(services.db, workspaceId),
    touchpointNames: await touchpointNames(services.db, workspaceId),
    request: { filters: { ...request.filters, segment }, options: request.options },
  };
}

/**
 * Computes all metrics of a map over its workspace's customer data: its input (mapMetricsInput) through the
 * one-pass engine on the workspace's journey store, or on ClickHouse when it is configured (same answers).
 */
export async function metricsForMap(
  services: Services,
  workspaceId: string,
  mapId: string,
  request: z.infer<typeof MapMetricsRequestSchema>,
): Promise<{ metrics: MapMetrics; snapshot: MapSnapshot }> {
  const input = await mapMetricsInput(services, workspaceId, mapId, request);
  const metrics = await computeMetricsOnEngine(services.analytics, workspaceId, input);
  return { metrics, snapshot: input.map };
}

/**
 * Case (journey) durations of a map's customers, overall and per path variant, under the same filters and options as
 * its metrics (packages/analytics/README.md, "Case durations").
 */
export async function caseDurationsForMap(
  services: Services,
  workspaceId: string,
  mapId: string,
  request: z.infer<typeof MapMetricsRequestSchema>,
): Promise<CaseDurations> {
  const input = await mapMetricsInput(services, workspaceId, mapId, request);
  return computeCaseDurations(await services.analytics.open(workspaceId), input);
}
