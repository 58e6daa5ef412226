import type { TouchpointFields } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import type { TouchpointRow } from "../db/schema.js";
import { notFound } from "../errors/DomainError.js";

/** One touchpoint's row in a workspace; not found when it is not there. */
export async function getTouchpointRow(db: Db, workspaceId: string, touchpointId: string): Promise<TouchpointRow> {
  const row = await db.kysely
    .selectFrom("touchpoints")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", touchpointId)
    .executeTakeFirst();
  if (!row) throw notFound("touchpoint");
  return row;
}

/** The workspace's touchpoint rows by name. */
export async function listTouchpointRows(db: Db, workspaceId: string): Promise<TouchpointRow[]> {
  return db.kysely
    .selectFrom("touchpoints")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("name")
    .execute();
}

/** Each touchpoint's name by id, for labelling metrics. */
export async function touchpointNames(db: Db, workspaceId: string): Promise<Record<string, string>> {
  const rows = await db.kysely
    .selectFrom("touchpoints")
    .select(["id", "name"])
    .where("workspace_id", "=", workspaceId)
    .execute();
  return Object.fromEntries(rows.map((t) => [t.id, t.name]));
}

/** Stores a new touchpoint. */
export async function insertTouchpoint(db: Db, row: TouchpointRow): Promise<void> {
  await db.kysely.insertInto("touchpoints").values(row).execute();
}

/** Changes the given fields of a touchpoint (fields left undefined stay). */
export async function updateTouchpointRow(
  db: Db,
  touchpointId: string,
  patch: Partial<TouchpointFields>,
): Promise<void> {
  await db.kysely
    .updateTable("touchpoints")
    .set({
      name: patch.name,
      channel_id: patch.channelId,
      description: patch.description,
      medium: patch.medium,
      owner_team: patch.ownerTeam,
      updated_at: new Date().toISOString(),
    })
    .where("id", "=", touchpointId)
    .execute();
}

/** Deletes a touchpoint (its mapping rules go with it). */
export async function deleteTouchpoint(db: Db, touchpointId: string): Promise<void> {
  await db.kysely.deleteFrom("touchpoints").where("id", "=", touchpointId).execute();
}
