import type { ActivityList } from "@opencjm/core";
import { infiniteQueryOptions } from "@tanstack/react-query";
import { api } from "../../api/apiClient.js";

/** A workspace's activity, newest first, a page at a time, optionally one map's or one person's. */
export function activityQuery(workspaceId: string, filters: { mapId?: string; actorId?: string }) {
  return infiniteQueryOptions({
    queryKey: ["workspace", workspaceId, "activity", filters] as const,
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: "50" });
      if (filters.mapId) query.set("mapId", filters.mapId);
      if (filters.actorId) query.set("actorId", filters.actorId);
      if (pageParam) query.set("before", pageParam);
      return api.get<ActivityList>(`/api/workspaces/${encodeURIComponent(workspaceId)}/activity?${query}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
