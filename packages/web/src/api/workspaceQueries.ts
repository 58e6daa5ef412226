import { queryOptions } from "@tanstack/react-query";
import type { Channel, MapListItem, Persona, Touchpoint } from "@opencjm/core";
import { api } from "./apiClient.js";

/**
 * The query keys and fetchers of a workspace's shared lists (maps, personas, touchpoints, channels), which several
 * screens read. Every key starts with `["workspace", id]`, so a whole workspace can be dropped from the cache at once,
 * and a change to one list invalidates its key and nothing else.
 */
export const workspaceKeys = {
  maps: (workspaceId: string) => ["workspace", workspaceId, "maps"] as const,
  personas: (workspaceId: string) => ["workspace", workspaceId, "personas"] as const,
  touchpoints: (workspaceId: string) => ["workspace", workspaceId, "touchpoints"] as const,
  channels: (workspaceId: string) => ["workspace", workspaceId, "channels"] as const,
};

/** The API path of a resource of the workspace. */
function workspacePath(workspaceId: string, path: string): string {
  return `/api/workspaces/${encodeURIComponent(workspaceId)}${path}`;
}

/** The workspace's maps, most recently edited first. */
export function mapListQuery(workspaceId: string) {
  return queryOptions({
    queryKey: workspaceKeys.maps(workspaceId),
    queryFn: ({ signal }) => api.get<MapListItem[]>(workspacePath(workspaceId, "/maps"), { signal }),
  });
}

/** The workspace's personas, by name. */
export function personaListQuery(workspaceId: string) {
  return queryOptions({
    queryKey: workspaceKeys.personas(workspaceId),
    queryFn: ({ signal }) => api.get<Persona[]>(workspacePath(workspaceId, "/personas"), { signal }),
  });
}

/** The workspace's touchpoint catalogue (the map editor checks each row, keeping the ones that parse). */
export function touchpointListQuery(workspaceId: string) {
  return queryOptions({
    queryKey: workspaceKeys.touchpoints(workspaceId),
    queryFn: ({ signal }) => api.get<Touchpoint[]>(workspacePath(workspaceId, "/touchpoints"), { signal }),
  });
}

/** The workspace's channel catalogue (the map editor checks each row, keeping the ones that parse). */
export function channelListQuery(workspaceId: string) {
  return queryOptions({
    queryKey: workspaceKeys.channels(workspaceId),
    queryFn: ({ signal }) => api.get<Channel[]>(workspacePath(workspaceId, "/channels"), { signal }),
  });
}
