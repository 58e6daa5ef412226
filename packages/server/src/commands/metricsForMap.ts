import { computeMapMetrics, MetricsRequestSchema, type MapMetrics } from "@opencjm/analytics";
import { IdSchema, type MapSnapshot } from "@opencjm/core";
import type { z } from "zod";
import { findPersonas } from "./personaCreator.js";
import { fieldError, notFound } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { listTouchpointRules } from "../store/touchpointRuleStore.js";
import { touchpointNames } from "../store/touchpointStore.js";

/** A metrics request to the API or CLI: filters and options, or a persona whose segment filters the customers. */
export const MapMetricsRequestSchema = MetricsRequestSchema.extend({
  /** Filter to the customers of this persona's segment (instead of `filters.segment`). */
  personaId: IdSchema.optional(),
});

/**
 * Computes all metrics of a map over its workspace's customer data: loads the map, the workspace's touchpoint rules
 * and names, resolves a persona to its segment (a map's own segment applies when the request names none), and runs
 * the one-pass engine on the workspace's journey store.
 */
export async function metricsForMap(
  services: Services,
  workspaceId: string,
  mapId: string,
  request: z.infer<typeof MapMetricsRequestSchema>,
): Promise<{ metrics: MapMetrics; snapshot: MapSnapshot }> {
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
  const rules = await listTouchpointRules(services.db, workspaceId);
  const events = await services.analytics.open(workspaceId);
  const metrics = await computeMapMetrics(events, {
    map: snapshot,
    rules,
    touchpointNames: await touchpointNames(services.db, workspaceId),
    request: { filters: { ...request.filters, segment }, options: request.options },
  });
  return { metrics, snapshot };
}
