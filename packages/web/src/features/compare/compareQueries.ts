import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { workspaceKeys } from "../../api/workspaceQueries.js";
import { createFutureState, fetchMap } from "./compareApi.js";

/** One map with its whole body, as the comparison reads it; under the workspace's map list key, so edits to the list refresh it. */
export function mapWithSnapshotQuery(workspaceId: string, mapId: string) {
  return queryOptions({
    queryKey: [...workspaceKeys.maps(workspaceId), mapId, "snapshot"] as const,
    queryFn: ({ signal }) => fetchMap(workspaceId, mapId, signal),
  });
}

/** Creates a future-state copy of a map; the workspace's map list then shows it. */
export function useCreateFutureState(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ mapId, title }: { mapId: string; title: string }) => createFutureState(workspaceId, mapId, title),
    onSuccess: () => client.invalidateQueries({ queryKey: workspaceKeys.maps(workspaceId) }),
  });
}
