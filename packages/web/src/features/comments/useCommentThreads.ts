import { CommentsChangedMessageSchema, type CommentThread } from "@opencjm/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { commentThreadsKey, fetchCommentThreads } from "./commentsApi.js";

/** What the map's live connection offers: its stateless messages. */
export interface StatelessSource {
  on(event: "stateless", listener: (data: { payload: string }) => void): unknown;
  off(event: "stateless", listener: (data: { payload: string }) => void): unknown;
}

/**
 * The map's threads, kept current: the server tells everyone on the map which thread changed (a stateless message
 * on the collaboration socket) and the list is fetched again through the API, which checks the reader's rights.
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
    const onMessage = ({ payload }: { payload: string }) => {
      let message: unknown;
      try {
        message = JSON.parse(payload);
      } catch {
        return;
      }
      if (CommentsChangedMessageSchema.safeParse(message).success)
        void queryClient.invalidateQueries({ queryKey: commentThreadsKey(mapId) });
    };
    live.on("stateless", onMessage);
    return () => void live.off("stateless", onMessage);
  }, [live, mapId, queryClient]);
  return { threads: query.data ?? NONE, failed: query.isError, loading: query.isPending };
}

const NONE: readonly CommentThread[] = [];
