import type { CommentAnchor, CommentAnchorKind, CommentInfo, CommentPerson } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import type { CommentThreadsTable } from "../db/schema.js";

/** A stored thread with its comments and the names of the people involved; `onDeletedContent` is the command's. */
export interface StoredThread {
  id: string;
  mapId: string;
  anchor: CommentAnchor;
  status: "open" | "resolved";
  createdBy: CommentPerson;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: CommentPerson | null;
  comments: CommentInfo[];
}

/** A new thread's row and its first comment. */
export interface NewThread {
  id: string;
  workspaceId: string;
  mapId: string;
  anchor: CommentAnchor;
  createdBy: string;
  createdAt: string;
  firstComment: NewComment;
}

/** A new comment's row. */
export interface NewComment {
  id: string;
  threadId: string;
  workspaceId: string;
  authorId: string;
  text: string;
  mentions: readonly string[];
  createdAt: string;
}

type AnchorRow = Pick<CommentThreadsTable, "anchor_kind" | "anchor_card_id" | "anchor_step_id" | "anchor_lane_id">;

// An idea's id is kept in the card column: both name one thing the thread is about, told apart by `anchor_kind`.
function anchorColumns(anchor: CommentAnchor) {
  return {
    anchor_kind: anchor.kind,
    anchor_card_id: anchor.kind === "card" ? anchor.cardId : anchor.kind === "idea" ? anchor.ideaId : null,
    anchor_step_id: anchor.kind === "step" || anchor.kind === "cell" ? anchor.stepId : null,
    anchor_lane_id: anchor.kind === "cell" ? anchor.laneId : null,
  };
}

function anchorOf(row: AnchorRow): CommentAnchor {
  switch (row.anchor_kind as CommentAnchorKind) {
    case "card":
      return { kind: "card", cardId: row.anchor_card_id ?? "" };
    case "step":
      return { kind: "step", stepId: row.anchor_step_id ?? "" };
    case "cell":
      return { kind: "cell", laneId: row.anchor_lane_id ?? "", stepId: row.anchor_step_id ?? "" };
    case "idea":
      return { kind: "idea", ideaId: row.anchor_card_id ?? "" };
    default:
      return { kind: "map" };
  }
}

function commentValues(comment: NewComment) {
  return {
    id: comment.id,
    thread_id: comment.threadId,
    workspace_id: comment.workspaceId,
    author_id: comment.authorId,
    text: comment.text,
    mentions: JSON.stringify(comment.mentions),
    created_at: comment.createdAt,
    edited_at: null,
  };
}

/** Stores a thread and its first comment together. */
export async function insertThread(db: Db, thread: NewThread): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto("comment_threads")
      .values({
        id: thread.id,
        workspace_id: thread.workspaceId,
        map_id: thread.mapId,
        ...anchorColumns(thread.anchor),
        created_by: thread.createdBy,
        created_at: thread.createdAt,
        resolved_at: null,
        resolved_by: null,
      })
      .execute();
    await trx.insertInto("comments").values(commentValues(thread.firstComment)).execute();
  });
}

/** Stores a reply. */
export async function insertComment(db: Db, comment: NewComment): Promise<void> {
  await db.kysely.insertInto("comments").values(commentValues(comment)).execute();
}

/** Replaces a comment's text and mentions and marks it edited. */
export async function updateComment(
  db: Db,
  commentId: string,
  change: { text: string; mentions: readonly string[]; editedAt: string },
): Promise<void> {
  await db.kysely
    .updateTable("comments")
    .set({ text: change.text, mentions: JSON.stringify(change.mentions), edited_at: change.editedAt })
    .where("id", "=", commentId)
    .execute();
}

/** Deletes a comment, and its thread when it was the thread's last. */
export async function deleteComment(db: Db, threadId: string, commentId: string): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom("comments").where("id", "=", commentId).where("thread_id", "=", threadId).execute();
    const left = await trx
      .selectFrom("comments")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("thread_id", "=", threadId)
      .executeTakeFirstOrThrow();
    if (Number(left.n) === 0) await trx.deleteFrom("comment_threads").where("id", "=", threadId).execute();
  });
}

/** Resolves (with who and when) or reopens a thread. */
export async function setThreadResolved(
  db: Db,
  threadId: string,
  resolved: { by: string; at: string } | null,
): Promise<void> {
  await db.kysely
    .updateTable("comment_threads")
    .set({ resolved_at: resolved?.at ?? null, resolved_by: resolved?.by ?? null })
    .where("id", "=", threadId)
    .execute();
}

/** The author of a comment of a thread, or undefined when the thread has no such comment. */
export async function findCommentAuthor(db: Db, threadId: string, commentId: string): Promise<string | undefined> {
  const row = await db.kysely
    .selectFrom("comments")
    .select("author_id")
    .where("id", "=", commentId)
    .where("thread_id", "=", threadId)
    .executeTakeFirst();
  return row?.author_id;
}

/** Which of these user ids are members of the workspace. */
export async function membersAmong(db: Db, workspaceId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.kysely
    .selectFrom("members")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "in", [...new Set(userIds)])
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Which of these ideas exist in the workspace (an idea of another workspace is not among them). */
export async function ideasAmong(db: Db, workspaceId: string, ideaIds: readonly string[]): Promise<Set<string>> {
  if (ideaIds.length === 0) return new Set();
  const rows = await db.kysely
    .selectFrom("ideas")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "in", [...new Set(ideaIds)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** One thread of a map with its comments, or undefined when the map has no such thread. */
export async function findThread(db: Db, mapId: string, threadId: string): Promise<StoredThread | undefined> {
  const [thread] = await listThreads(db, mapId, { threadId });
  return thread;
}

/** A map's threads, oldest first, each with its comments; optionally only open or resolved ones, or one kind. */
export async function listThreads(
  db: Db,
  mapId: string,
  filter: { status?: "open" | "resolved" | "all"; anchorKind?: CommentAnchorKind; threadId?: string } = {},
): Promise<StoredThread[]> {
  let query = db.kysely
    .selectFrom("comment_threads")
    .select([
      "id",
      "map_id",
      "anchor_kind",
      "anchor_card_id",
      "anchor_step_id",
      "anchor_lane_id",
      "created_by",
      "created_at",
      "resolved_at",
      "resolved_by",
    ])
    .where("map_id", "=", mapId);
  if (filter.threadId) query = query.where("id", "=", filter.threadId);
  if (filter.status === "open") query = query.where("resolved_at", "is", null);
  if (filter.status === "resolved") query = query.where("resolved_at", "is not", null);
  if (filter.anchorKind) query = query.where("anchor_kind", "=", filter.anchorKind);
  const threads = await query.orderBy("created_at").orderBy("id").execute();
  if (threads.length === 0) return [];
  const comments = await db.kysely
    .selectFrom("comments")
    .select(["id", "thread_id", "author_id", "text", "mentions", "created_at", "edited_at"])
    .where(
      "thread_id",
      "in",
      threads.map((t) => t.id),
    )
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const mentionIds = comments.flatMap((c) => JSON.parse(c.mentions) as string[]);
  const names = await namesOf(db, [
    ...threads.flatMap((t) => [t.created_by, ...(t.resolved_by ? [t.resolved_by] : [])]),
    ...comments.map((c) => c.author_id),
    ...mentionIds,
  ]);
  const person = (userId: string): CommentPerson => ({ userId, name: names.get(userId) ?? "" });
  const byThread = new Map<string, CommentInfo[]>();
  for (const c of comments) {
    const list = byThread.get(c.thread_id) ?? [];
    list.push({
      id: c.id,
      threadId: c.thread_id,
      author: person(c.author_id),
      text: c.text,
      mentions: (JSON.parse(c.mentions) as string[]).map(person),
      createdAt: c.created_at,
      editedAt: c.edited_at,
    });
    byThread.set(c.thread_id, list);
  }
  return threads.map((t) => ({
    id: t.id,
    mapId: t.map_id,
    anchor: anchorOf(t),
    status: t.resolved_at ? "resolved" : "open",
    createdBy: person(t.created_by),
    createdAt: t.created_at,
    resolvedAt: t.resolved_at,
    resolvedBy: t.resolved_by ? person(t.resolved_by) : null,
    comments: byThread.get(t.id) ?? [],
  }));
}

/** Names of users by id (an account that no longer exists has none). */
async function namesOf(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  const rows = await db.kysely.selectFrom("users").select(["id", "name"]).where("id", "in", unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
