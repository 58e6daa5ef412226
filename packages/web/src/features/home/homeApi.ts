import type { MapListItem, Persona } from "@opencjm/core";
import { api } from "../../api/apiClient.js";

/** One map of the workspace as the list endpoint returns it. */
export type { MapListItem };

/** The workspace's maps, most recently edited first. */
export function fetchMaps(workspaceId: string, signal?: AbortSignal): Promise<MapListItem[]> {
  return api.get<MapListItem[]>(`/api/workspaces/${encodeURIComponent(workspaceId)}/maps`, { signal });
}

/** The workspace's personas, by name. */
export function fetchPersonas(workspaceId: string, signal?: AbortSignal): Promise<Persona[]> {
  return api.get<Persona[]>(`/api/workspaces/${encodeURIComponent(workspaceId)}/personas`, { signal });
}
