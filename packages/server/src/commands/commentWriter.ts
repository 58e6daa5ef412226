import { newId, type CommentAnchor, type CommentThread, type Role } from "@opencjm/core";
import { DomainError, fieldError, forbidden, notFound } from "../errors/DomainError.js";
import type { NewNotification } from "../notifications/Notifier.js";
import type { Services } from "../services.js";
import {
  deleteComment as deleteStoredComment,
  findCommentAuthor,
  findThread,
  ideasAmong,
  insertComment,
  insertThread,
  membersAmong,
  setThreadResolved,
  updateComment,
  type StoredThread,
} from "../store/commentStore.js";
import { anchorOnMap, readCommentThread, requireCommentableMap } from "./commentThreadReader.js";

/** Who writes, where: the workspace, the map and the person (their role decides whether they may delete others'). */
export interface CommentScope {
  workspaceId: string;
  mapId: string;
  userId: string;
}

/** A comment's text and the members it mentions, as the contract has parsed them. */
export interface CommentText {
  text: string;
  mentions: readonly string[];
}

/**
 * Starts a thread on the map, a card, a step or a cell that is on the map now, or an idea of the workspace, with its
 * first comment.
 */
export async function createCommentThread(
  services: Services,
  scope: CommentScope,
  input: CommentText & { anchor: CommentAnchor },
): Promise<CommentThread> {
  await requireCommentableMap(services, scope.workspaceId, scope.mapId);
  const mentions = await checkMentions(services, scope.workspaceId, input.mentions);
  const snapshot = await services.maps.readSnapshot(scope.mapId);
  const ideas = await ideasAmong(
    services.db,
    scope.workspaceId,
    input.anchor.kind === "idea" ? [input.anchor.ideaId] : [],
  );
  if (!anchorOnMap(snapshot, input.anchor, ideas))
    throw fieldError(
      "anchor",
      input.anchor.kind === "idea"
        ? "this workspace has no idea with that id"
        : `this map has no ${input.anchor.kind} with that id`,
      { code: "anchor_not_found" },
    );
  const threadId = newId("thr_");
  const now = new Date().toISOString();
  await insertThread(services.db, {
    id: threadId,
    workspaceId: scope.workspaceId,
    mapId: scope.mapId,
    anchor: input.anchor,
    createdBy: scope.userId,
    createdAt: now,
    firstComment: {
      id: newId("cmt_"),
      threadId,
      workspaceId: scope.workspaceId,
      authorId: scope.userId,
      text: input.text,
      mentions,
      createdAt: now,
    },
  });
  await tell(services, scope, threadId, mentions, [], input.text);
  return readCommentThread(services, scope.workspaceId, scope.mapId, threadId);
}

/** Adds a reply to a thread of the map (a resolved thread too: answering does not reopen it). */
export async function replyToCommentThread(
  services: Services,
  scope: CommentScope,
  threadId: string,
  input: CommentText,
): Promise<CommentThread> {
  const thread = await requireThread(services, scope, threadId);
  const mentions = await checkMentions(services, scope.workspaceId, input.mentions);
  await insertComment(services.db, {
    id: newId("cmt_"),
    threadId,
    workspaceId: scope.workspaceId,
    authorId: scope.userId,
    text: input.text,
    mentions,
    createdAt: new Date().toISOString(),
  });
  await tell(services, scope, threadId, mentions, participantsOf(thread), input.text);
  return readCommentThread(services, scope.workspaceId, scope.mapId, threadId);
}

/** Changes the text of one's own comment; nobody edits another person's words, owners included. */
export async function editComment(
  services: Services,
  scope: CommentScope,
  threadId: string,
  commentId: string,
  input: CommentText,
): Promise<CommentThread> {
  const thread = await requireThread(services, scope, threadId);
  const author = await findCommentAuthor(services.db, threadId, commentId);
  if (author === undefined) throw notFound("comment");
  if (author !== scope.userId) throw forbidden("you can edit only your own comments");
  const mentions = await checkMentions(services, scope.workspaceId, input.mentions);
  await updateComment(services.db, commentId, { ...input, mentions, editedAt: new Date().toISOString() });
  const before = new Set(thread.comments.find((c) => c.id === commentId)?.mentions.map((m) => m.userId));
  await tell(
    services,
    scope,
    threadId,
    mentions.filter((id) => !before.has(id)),
    [],
    input.text,
  );
  return readCommentThread(services, scope.workspaceId, scope.mapId, threadId);
}

/** Deletes one's own comment (owners may delete anyone's); the thread goes with its last comment. */
export async function deleteComment(
  services: Services,
  scope: CommentScope & { role: Role },
  threadId: string,
  commentId: string,
): Promise<void> {
  await requireThread(services, scope, threadId);
  const author = await findCommentAuthor(services.db, threadId, commentId);
  if (author === undefined) throw notFound("comment");
  if (author !== scope.userId && scope.role !== "owner")
    throw forbidden("you can delete only your own comments (owners may delete any)");
  await deleteStoredComment(services.db, threadId, commentId);
  services.mapSignals.commentsChanged(scope.mapId, threadId);
}

/** Resolves a thread (it leaves the open list and the grid's counts) or reopens it. */
export async function resolveCommentThread(
  services: Services,
  scope: CommentScope,
  threadId: string,
  resolved: boolean,
): Promise<CommentThread> {
  await requireThread(services, scope, threadId);
  await setThreadResolved(services.db, threadId, resolved ? { by: scope.userId, at: new Date().toISOString() } : null);
  services.mapSignals.commentsChanged(scope.mapId, threadId);
  return readCommentThread(services, scope.workspaceId, scope.mapId, threadId);
}

async function requireThread(services: Services, scope: CommentScope, threadId: string): Promise<StoredThread> {
  await requireCommentableMap(services, scope.workspaceId, scope.mapId);
  const thread = await findThread(services.db, scope.mapId, threadId);
  if (!thread) throw notFound("comment thread");
  return thread;
}

/**
 * Mentions resolve only to members of the workspace: any other id (a stranger, someone who left, a typo) is refused
 * with the position of the first, and nothing is stored. Repeats count once.
 */
async function checkMentions(services: Services, workspaceId: string, mentions: readonly string[]): Promise<string[]> {
  const unique = [...new Set(mentions)];
  const members = await membersAmong(services.db, workspaceId, unique);
  const strangers = mentions.flatMap((id, index) => (members.has(id) ? [] : [{ id, index }]));
  if (strangers.length === 0) return unique;
  throw new DomainError({
    kind: "invalid",
    code: "mention_not_member",
    message: `mentions.${strangers[0]!.index}: ${strangers[0]!.id} is not a member of this workspace; only members can be mentioned`,
    field: `mentions.${strangers[0]!.index}`,
    details: strangers.map(({ id, index }) => ({
      path: `mentions.${index}`,
      message: `${id} is not a member of this workspace`,
    })),
  });
}

/** Everyone who wrote in the thread or started it. */
function participantsOf(thread: StoredThread): string[] {
  return [...new Set([thread.createdBy.userId, ...thread.comments.map((c) => c.author.userId)])];
}

/**
 * Tells the map's live connections, then the people concerned: each newly mentioned member ("mention"), and the
 * thread's other participants ("reply"), nobody twice and never the author. The comment is stored whatever happens
 * to its notifications.
 */
async function tell(
  services: Services,
  scope: CommentScope,
  threadId: string,
  mentioned: readonly string[],
  participants: readonly string[],
  text: string,
): Promise<void> {
  services.mapSignals.commentsChanged(scope.mapId, threadId);
  const map = await services.maps.find(scope.workspaceId, scope.mapId);
  const data = { mapTitle: map?.title ?? "", excerpt: text.length > 200 ? `${text.slice(0, 199)}…` : text };
  const base = { workspaceId: scope.workspaceId, actorId: scope.userId, mapId: scope.mapId, subjectId: threadId, data };
  // Someone who has left the workspace since writing in the thread is not told what it says now.
  const stillMembers = await membersAmong(services.db, scope.workspaceId, participants);
  const items: NewNotification[] = [
    ...mentioned.map((userId) => ({ ...base, userId, kind: "mention" as const })),
    ...participants
      .filter((id) => stillMembers.has(id) && !mentioned.includes(id))
      .map((userId) => ({ ...base, userId, kind: "reply" as const })),
  ];
  if (items.length === 0) return;
  try {
    await services.notifications.notify(items);
  } catch (err) {
    console.error(`could not record notifications of thread ${threadId}:`, err instanceof Error ? err.message : err);
  }
}
