import { NotificationDataSchema, NotificationKindSchema, type NotificationInfo } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import type { NotificationsTable } from "../db/schema.js";
import { decodePageCursor, encodePageCursor } from "./pageCursor.js";

/** Stores notifications, all in one statement. */
export async function insertNotifications(db: Db, rows: NotificationsTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db.kysely.insertInto("notifications").values(rows).execute();
}

/**
 * A person's notifications, newest first. Notifications from a workspace they no longer belong to are hidden, except
 * invitations, which are addressed to people who are not members yet.
 */
export async function listNotifications(
  db: Db,
  userId: string,
  options: { unreadOnly: boolean; limit: number; before?: string },
): Promise<{ notifications: NotificationInfo[]; nextCursor: string | null }> {
  const cursor = options.before === undefined ? undefined : decodePageCursor(options.before);
  let query = visibleTo(db, userId)
    .innerJoin("workspaces", "workspaces.id", "notifications.workspace_id")
    .leftJoin("users as actor", "actor.id", "notifications.actor_id")
    .select([
      "notifications.id",
      "notifications.kind",
      "notifications.workspace_id",
      "workspaces.name as workspace_name",
      "notifications.actor_id",
      "actor.name as actor_name",
      "notifications.map_id",
      "notifications.subject_id",
      "notifications.data",
      "notifications.created_at",
      "notifications.read_at",
    ]);
  if (options.unreadOnly) query = query.where("notifications.read_at", "is", null);
  if (cursor) {
    query = query.where((eb) =>
      eb.or([
        eb("notifications.created_at", "<", cursor.createdAt),
        eb.and([eb("notifications.created_at", "=", cursor.createdAt), eb("notifications.id", "<", cursor.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy("notifications.created_at", "desc")
    .orderBy("notifications.id", "desc")
    .limit(options.limit + 1)
    .execute();
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    notifications: page.map((r) => ({
      id: r.id,
      kind: NotificationKindSchema.parse(r.kind),
      workspaceId: r.workspace_id,
      workspaceName: r.workspace_name,
      actorId: r.actor_id,
      actorName: r.actor_name,
      mapId: r.map_id,
      subjectId: r.subject_id,
      data: NotificationDataSchema.parse(JSON.parse(r.data)),
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    nextCursor:
      rows.length > options.limit && last ? encodePageCursor({ createdAt: last.created_at, id: last.id }) : null,
  };
}

/** How many of a person's visible notifications are unread. */
export async function countUnreadNotifications(db: Db, userId: string): Promise<number> {
  const row = await visibleTo(db, userId)
    .where("notifications.read_at", "is", null)
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the person's notifications read (or all of them without an id); returns how many changed. */
export async function markNotificationsRead(db: Db, userId: string, notificationId?: string): Promise<number> {
  let query = db.kysely
    .updateTable("notifications")
    .set({ read_at: new Date().toISOString() })
    .where("user_id", "=", userId)
    .where("read_at", "is", null);
  if (notificationId !== undefined) query = query.where("id", "=", notificationId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** True when the notification exists and is the person's (read or not). */
export async function notificationBelongsTo(db: Db, userId: string, notificationId: string): Promise<boolean> {
  const row = await db.kysely
    .selectFrom("notifications")
    .select("id")
    .where("id", "=", notificationId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the person wants an e-mail when mentioned (on unless they turned it off). */
export async function wantsMentionEmails(db: Db, userId: string): Promise<boolean> {
  const row = await db.kysely
    .selectFrom("notification_settings")
    .select("email_mentions")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row === undefined || row.email_mentions === 1;
}

/** Saves whether the person wants an e-mail when mentioned. */
export async function saveMentionEmails(db: Db, userId: string, emailMentions: boolean): Promise<void> {
  const values = { email_mentions: emailMentions ? 1 : 0, updated_at: new Date().toISOString() };
  await db.kysely
    .insertInto("notification_settings")
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
}

/** The person's notifications that are still theirs to see: of workspaces they belong to, and invitations. */
function visibleTo(db: Db, userId: string) {
  return db.kysely
    .selectFrom("notifications")
    .where("notifications.user_id", "=", userId)
    .where((eb) =>
      eb.or([
        eb("notifications.kind", "=", "invitation"),
        eb.exists(
          eb
            .selectFrom("members")
            .select("members.user_id")
            .whereRef("members.workspace_id", "=", "notifications.workspace_id")
            .where("members.user_id", "=", userId),
        ),
      ]),
    );
}
