import { CommentsChangedMessageSchema, type CommentThread } from "@opencjm/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { commentThreadsKey, fetchCommentThreads } from "./commentsApi.js";

/** What the map's live connection offers: its stateless messages, and a sync each time it (re)connects. */
export interface StatelessSource {
  on(event: "stateless", listener: (data: { payload: string }) => void): unknown;
  off(event: "stateless", listener: (data: { payload: string }) => void): unknown;
  on(event: "synced", listener: () => void): unknown;
  off(event: "synced", listener: () => void): unknown;
}

/**
 * The map's threads, kept current: the server tells everyone on the map which thread changed (a stateless message
 * on the collaboration socket) and the list is fetched again through the API, which checks the reader's rights.
 * Messages sent while the socket was down are lost, so a reconnection (a new sync) fetches the list again too.
 */
export function useCommentThreads(
  workspaceId: string,
  mapId: string,
  live: StatelessSource | null,
): { threads: readonly CommentThread[]; failed: boolean; loading: boolean } {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: commentThreadsKey(mapId),
    queryFn: () => fetchCommentThreads(workspaceId, mapId),
    staleTime: 60_000,
  });
  useEffect(() => {
    if (!live) return;
    const refetch = () => void queryClient.invalidateQueries({ queryKey: commentThreadsKey(mapId) });
    const onMessage = ({ payload }: { payload: string }) => {
      let message: unknown;
      try {
        message = JSON.parse(payload);
      } catch {
        return;
      }
      if (CommentsChangedMessageSchema.safeParse(message).success) refetch();
    };
    // The first sync has happened before the editor mounts; later ones follow a reconnection.
    live.on("stateless", onMessage);
    live.on("synced", refetch);
    return () => {
      live.off("stateless", onMessage);
      live.off("synced", refetch);
    };
  }, [live, mapId, queryClient]);
  return { threads: query.data ?? NONE, failed: query.isError, loading: query.isPending };
}

const NONE: readonly CommentThread[] = [];
