import { ActivityActionSchema, ActivityDataSchema, type ActivityEntry } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import type { ActivityTable } from "../db/schema.js";
import { decodePageCursor, encodePageCursor } from "./pageCursor.js";

/** Appends one entry to a workspace's activity log. */
export async function insertActivity(db: Db, row: ActivityTable): Promise<void> {
  await db.kysely.insertInto("activity").values(row).execute();
}

/** A workspace's activity, newest first, optionally only one map's or one person's, a page at a time. */
export async function listActivity(
  db: Db,
  workspaceId: string,
  options: { mapId?: string; actorId?: string; limit: number; before?: string },
): Promise<{ entries: ActivityEntry[]; nextCursor: string | null }> {
  const cursor = options.before === undefined ? undefined : decodePageCursor(options.before);
  let query = db.kysely
    .selectFrom("activity")
    .leftJoin("users as actor", "actor.id", "activity.actor_id")
    .select([
      "activity.id",
      "activity.workspace_id",
      "activity.map_id",
      "activity.actor_id",
      "actor.name as actor_name",
      "activity.action",
      "activity.data",
      "activity.created_at",
    ])
    .where("activity.workspace_id", "=", workspaceId);
  if (options.mapId !== undefined) query = query.where("activity.map_id", "=", options.mapId);
  if (options.actorId !== undefined) query = query.where("activity.actor_id", "=", options.actorId);
  if (cursor) {
    query = query.where((eb) =>
      eb.or([
        eb("activity.created_at", "<", cursor.createdAt),
        eb.and([eb("activity.created_at", "=", cursor.createdAt), eb("activity.id", "<", cursor.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy("activity.created_at", "desc")
    .orderBy("activity.id", "desc")
    .limit(options.limit + 1)
    .execute();
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    entries: page.map((r) => ({
      id: r.id,
      workspaceId: r.workspace_id,
      mapId: r.map_id,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: ActivityActionSchema.parse(r.action),
      data: ActivityDataSchema.parse(JSON.parse(r.data)),
      createdAt: r.created_at,
    })),
    nextCursor:
      rows.length > options.limit && last ? encodePageCursor({ createdAt: last.created_at, id: last.id }) : null,
  };
}
