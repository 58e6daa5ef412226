import { newId, TouchpointFieldsSchema, type Touchpoint, type TouchpointFields } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import type { TouchpointRow } from "../db/schema.js";
import { fieldError } from "../errors/DomainError.js";
import { channelExists } from "../store/channelStore.js";
import { getTouchpointRow, insertTouchpoint, updateTouchpointRow } from "../store/touchpointStore.js";

/** A stored touchpoint row as the domain type. */
export function touchpointOf(row: TouchpointRow): Touchpoint {
  return {
    id: row.id as Touchpoint["id"],
    name: row.name,
    channelId: row.channel_id as Touchpoint["channelId"],
    description: row.description,
    medium: row.medium as Touchpoint["medium"],
    ownerTeam: row.owner_team,
  };
}

async function requireChannel(db: Db, workspaceId: string, channelId: string): Promise<void> {
  if (!(await channelExists(db, workspaceId, channelId)))
    throw fieldError("channelId", `no channel "${channelId}" in this workspace`, { detail: "unknown channel" });
}

/** Creates a touchpoint; its channel must exist in the same workspace. */
export async function createTouchpoint(db: Db, workspaceId: string, input: TouchpointFields): Promise<Touchpoint> {
  const fields = TouchpointFieldsSchema.parse(input);
  await requireChannel(db, workspaceId, fields.channelId);
  const now = new Date().toISOString();
  const row: TouchpointRow = {
    id: newId("tp_"),
    workspace_id: workspaceId,
    channel_id: fields.channelId,
    name: fields.name,
    description: fields.description,
    medium: fields.medium,
    owner_team: fields.ownerTeam,
    created_at: now,
    updated_at: now,
  };
  await insertTouchpoint(db, row);
  return touchpointOf(row);
}

/** Changes some fields of a touchpoint; a new channel must exist in the same workspace. */
export async function updateTouchpoint(
  db: Db,
  workspaceId: string,
  touchpointId: string,
  patch: Partial<TouchpointFields>,
): Promise<Touchpoint> {
  await getTouchpointRow(db, workspaceId, touchpointId);
  if (patch.channelId) await requireChannel(db, workspaceId, patch.channelId);
  await updateTouchpointRow(db, touchpointId, patch);
  return touchpointOf(await getTouchpointRow(db, workspaceId, touchpointId));
}
