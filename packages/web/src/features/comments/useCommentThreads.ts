import { CommentsChangedMessageSchema, type CommentThread } from "@opencjm/core";
import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { ApiRequestError } from "../../api/apiClient.js";
import { commentThreadsKey, commentThreadsQuery, fetchCommentThread } from "./commentsApi.js";

/** What the map's live connection offers: its stateless messages, and a sync each time it (re)connects. */
export interface StatelessSource {
  /** Whether the connection is synced now (the provider's own flag, false again while it reconnects). */
  readonly synced: boolean;
  on(event: "stateless", listener: (data: { payload: string }) => void): unknown;
  off(event: "stateless", listener: (data: { payload: string }) => void): unknown;
  on(event: "synced", listener: () => void): unknown;
  off(event: "synced", listener: () => void): unknown;
}

/**
 * The map's threads, kept current: the server tells everyone on the map which thread changed (a stateless message
 * on the collaboration socket) and that thread is fetched again through the API, which checks the reader's rights.
 * Messages sent while the socket was down are lost, so a reconnection (a new sync) fetches the whole list again.
 */
export function useCommentThreads(
  workspaceId: string,
  mapId: string,
  meId: string,
  live: StatelessSource | null,
): { threads: readonly CommentThread[]; failed: boolean; loading: boolean } {
  const queryClient = useQueryClient();
  const query = useQuery(commentThreadsQuery(workspaceId, mapId));
  useEffect(() => {
    if (!live) return;
    const latest = new Map<string, number>();
    const refetchAll = () => void queryClient.invalidateQueries({ queryKey: commentThreadsKey(mapId) });
    const onMessage = ({ payload }: { payload: string }) => {
      let message: unknown;
      try {
        message = JSON.parse(payload);
      } catch {
        return;
      }
      const parsed = CommentsChangedMessageSchema.safeParse(message);
      if (!parsed.success) return;
      const { threadId } = parsed.data;
      // Two changes in a row: only the answer to the last request for the thread counts.
      const request = (latest.get(threadId) ?? 0) + 1;
      latest.set(threadId, request);
      void refetchThread({ workspaceId, mapId, threadId }).then((thread) => {
        if (latest.get(threadId) !== request) return;
        putThread(queryClient, mapId, threadId, thread);
        // Someone mentioned me or answered my thread: the bell in the top bar (the notifications feature, whose
        // queries all start with "notifications") asks for its count now rather than at its next poll.
        if (thread && concernsMe(thread, meId)) void queryClient.invalidateQueries({ queryKey: ["notifications"] });
      }, refetchAll);
    };
    // A sync after the first follows a reconnection, whose missed messages the list is fetched again for. The editor
    // may open before the first sync (from the map the page preloaded): the list asked for at start-up stands then.
    let firstSyncToCome = !live.synced;
    const onSynced = () => {
      if (firstSyncToCome) firstSyncToCome = false;
      else refetchAll();
    };
    live.on("stateless", onMessage);
    live.on("synced", onSynced);
    return () => {
      live.off("stateless", onMessage);
      live.off("synced", onSynced);
    };
  }, [live, workspaceId, mapId, meId, queryClient]);
  return { threads: query.data ?? NONE, failed: query.isError, loading: query.isPending };
}

const NONE: readonly CommentThread[] = [];

/** True when the thread's latest comment is someone else's and mentions me, or answers a thread I wrote in. */
function concernsMe(thread: CommentThread, meId: string): boolean {
  const last = thread.comments.at(-1);
  if (!last || last.author.userId === meId) return false;
  return (
    last.mentions.some((m) => m.userId === meId) ||
    thread.createdBy.userId === meId ||
    thread.comments.some((c) => c.author.userId === meId)
  );
}

/** The thread as it is now, or null when it is gone (its last comment was deleted). */
async function refetchThread(ref: {
  workspaceId: string;
  mapId: string;
  threadId: string;
}): Promise<CommentThread | null> {
  try {
    return await fetchCommentThread(ref);
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 404) return null;
    throw err;
  }
}

/** Puts a fetched thread in the map's list in its place (a new one at the end), or takes a deleted one out. */
function putThread(queryClient: QueryClient, mapId: string, threadId: string, thread: CommentThread | null): void {
  queryClient.setQueryData<CommentThread[]>(commentThreadsKey(mapId), (threads) => {
    if (!threads) return threads;
    if (!thread) return threads.filter((t) => t.id !== threadId);
    const at = threads.findIndex((t) => t.id === threadId);
    return at < 0 ? [...threads, thread] : threads.map((t) => (t.id === threadId ? thread : t));
  });
}
