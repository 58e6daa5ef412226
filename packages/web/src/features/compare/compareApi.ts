import type { MapWithSnapshot } from "@opencjm/core";
import { api } from "../../api/apiClient.js";

/** A map with its full body, as the API returns it. */
export type { MapWithSnapshot };

const mapPath = (workspaceId: string, mapId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/maps/${encodeURIComponent(mapId)}`;

/** One map with its snapshot. */
export function fetchMap(workspaceId: string, mapId: string, signal?: AbortSignal): Promise<MapWithSnapshot> {
  return api.get<MapWithSnapshot>(mapPath(workspaceId, mapId), { signal });
}

/** Creates a future-state copy of a map (the server keeps each step's origin so the two compare step by step). */
export function createFutureState(workspaceId: string, mapId: string, title?: string): Promise<MapWithSnapshot> {
  return api.post<MapWithSnapshot>(`${mapPath(workspaceId, mapId)}/future-state`, title ? { title } : {});
}
