import type { CommentAnchor, CommentBodyInput, CommentThread, CommentThreadList, MemberInfo } from "@opencjm/core";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/apiClient.js";

const mapBase = (workspaceId: string, mapId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/maps/${encodeURIComponent(mapId)}/comment-threads`;

/** Where a map's threads live in the query cache; a "comments changed" message from the map invalidates it. */
export const commentThreadsKey = (mapId: string) => ["comments", "threads", mapId] as const;

/** Where the workspace's members (for mention suggestions) live in the query cache. */
export const commentMembersKey = (workspaceId: string) => ["comments", "members", workspaceId] as const;

/** Every thread of the map, open and resolved, with their comments. */
/** A map's threads, kept a minute (a "comments changed" message refreshes them sooner). */
export function commentThreadsQuery(workspaceId: string, mapId: string) {
  return queryOptions({
    queryKey: commentThreadsKey(mapId),
    queryFn: () => fetchCommentThreads(workspaceId, mapId),
    staleTime: 60_000,
  });
}

export async function fetchCommentThreads(workspaceId: string, mapId: string): Promise<CommentThread[]> {
  return (await api.get<CommentThreadList>(mapBase(workspaceId, mapId))).threads;
}

/** The members who can be mentioned. */
export function fetchMentionableMembers(workspaceId: string): Promise<MemberInfo[]> {
  return api.get<MemberInfo[]>(`/api/workspaces/${encodeURIComponent(workspaceId)}/members`);
}

/** Where a thread is: the workspace, the map and the thread. */
export interface ThreadRef {
  workspaceId: string;
  mapId: string;
  threadId: string;
}

const threadPath = (ref: ThreadRef) => `${mapBase(ref.workspaceId, ref.mapId)}/${encodeURIComponent(ref.threadId)}`;

/** One thread with its comments. */
export function fetchCommentThread(ref: ThreadRef): Promise<CommentThread> {
  return api.get<CommentThread>(threadPath(ref));
}

/** Starts a thread on an anchor with its first comment. */
export function createCommentThread(
  workspaceId: string,
  mapId: string,
  anchor: CommentAnchor,
  body: CommentBodyInput,
): Promise<CommentThread> {
  return api.post<CommentThread>(mapBase(workspaceId, mapId), { anchor, ...body });
}

/** Adds a reply. */
export function replyToThread(ref: ThreadRef, body: CommentBodyInput): Promise<CommentThread> {
  return api.post<CommentThread>(`${threadPath(ref)}/comments`, body);
}

/** Changes the text of one's own comment. */
export function editComment(ref: ThreadRef, commentId: string, body: CommentBodyInput): Promise<CommentThread> {
  return api.patch<CommentThread>(`${threadPath(ref)}/comments/${encodeURIComponent(commentId)}`, body);
}

/** Deletes a comment (one's own, or any for owners). */
export function deleteComment(ref: ThreadRef, commentId: string): Promise<unknown> {
  return api.delete(`${threadPath(ref)}/comments/${encodeURIComponent(commentId)}`);
}

/** Resolves or reopens a thread. */
export function setThreadResolved(ref: ThreadRef, resolved: boolean): Promise<CommentThread> {
  return api.patch<CommentThread>(threadPath(ref), { resolved });
}
