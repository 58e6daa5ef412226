import { newId, TouchpointFieldsSchema, type Touchpoint, type TouchpointFields } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import type { TouchpointRow } from "../db/schema.js";
import { fieldError } from "../errors/DomainError.js";

/** A stored touchpoint row as the domain type. */
export function touchpointOf(row: TouchpointRow): Touchpoint {
  return { id: row.id as Touchpoint["id"], name: row.name, channelId: row.channel_id as Touchpoint["channelId"], description: row.description, medium: row.medium as Touchpoint["medium"], ownerTeam: row.owner_team };
}

/** Creates a touchpoint; its channel must exist in the same workspace. */
export async function createTouchpoint(db: Db, workspaceId: string, input: TouchpointFields): Promise<Touchpoint> {
  const fields = TouchpointFieldsSchema.parse(input);
  const channel = await db.kysely.selectFrom("channels").select("id").where("workspace_id", "=", workspaceId).where("id", "=", fields.channelId).executeTakeFirst();
  if (!channel) throw fieldError("channelId", `no channel "${fields.channelId}" in this workspace`, { detail: "unknown channel" });
  const now = new Date().toISOString();
  const row: TouchpointRow = { id: newId("tp_"), workspace_id: workspaceId, channel_id: fields.channelId, name: fields.name, description: fields.description, medium: fields.medium, owner_team: fields.ownerTeam, created_at: now, updated_at: now };
  await db.kysely.insertInto("touchpoints").values(row).execute();
  return touchpointOf(row);
}
