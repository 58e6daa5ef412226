import type { DriftDigest, DriftSettings, DriftSubscription, MapDrift } from "@opencjm/core";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/apiClient.js";

const ws = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;

/** Where drift answers live in the query cache; changing the thresholds refreshes everything under "drift". */
export const driftKeys = {
  all: (workspaceId: string) => ["drift", workspaceId] as const,
  map: (workspaceId: string, mapId: string) => ["drift", workspaceId, "map", mapId] as const,
  digest: (workspaceId: string) => ["drift", workspaceId, "digest"] as const,
  subscription: (workspaceId: string) => ["drift", workspaceId, "subscription"] as const,
};

/** A map's drift, as the editor's step badges read it (recomputed at most every ten minutes; no retry when missing). */
export function mapDriftQuery(workspaceId: string, mapId: string) {
  return queryOptions({
    queryKey: driftKeys.map(workspaceId, mapId),
    queryFn: () => fetchMapDrift(workspaceId, mapId),
    staleTime: 10 * 60_000,
    retry: false,
  });
}

/** Every step of a map in both periods, drifted measures flagged. */
export function fetchMapDrift(workspaceId: string, mapId: string): Promise<MapDrift> {
  return api.get<MapDrift>(`${ws(workspaceId)}/maps/${encodeURIComponent(mapId)}/drift`);
}

/** The workspace digest: flagged steps of every map. */
export function fetchDriftDigest(workspaceId: string): Promise<DriftDigest> {
  return api.get<DriftDigest>(`${ws(workspaceId)}/drift`);
}

/** Saves the workspace's thresholds. */
export function saveDriftSettings(workspaceId: string, settings: DriftSettings): Promise<DriftSettings> {
  return api.put<DriftSettings>(`${ws(workspaceId)}/drift/settings`, settings);
}

/** Whether I get the weekly digest e-mail. */
export function fetchDriftSubscription(workspaceId: string): Promise<DriftSubscription> {
  return api.get<DriftSubscription>(`${ws(workspaceId)}/drift/subscription`);
}

/** Turns my weekly digest e-mail on or off. */
export function saveDriftSubscription(workspaceId: string, body: DriftSubscription): Promise<DriftSubscription> {
  return api.put<DriftSubscription>(`${ws(workspaceId)}/drift/subscription`, body);
}
