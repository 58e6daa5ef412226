import { ChannelSchema, newId, type Channel } from "@opencjm/core";
import type { Db } from "../db/createDb.js";

/** The workspace's channel catalogue: built-in channels first, then by name. */
export async function listChannels(db: Db, workspaceId: string): Promise<Channel[]> {
  const rows = await db.kysely
    .selectFrom("channels")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("built_in", "desc")
    .orderBy("name")
    .execute();
  return rows.map((r) =>
    ChannelSchema.parse({
      id: r.id,
      key: r.key,
      name: r.name,
      online: r.online === 1,
      icon: r.icon,
      builtIn: r.built_in === 1,
    }),
  );
}

/** Adds a custom channel to the workspace's catalogue. */
export async function insertChannel(
  db: Db,
  workspaceId: string,
  fields: { name: string; online: boolean; icon: string },
): Promise<Channel> {
  const id = newId("ch_");
  await db.kysely
    .insertInto("channels")
    .values({
      id,
      workspace_id: workspaceId,
      key: id,
      name: fields.name,
      online: fields.online ? 1 : 0,
      icon: fields.icon,
      built_in: 0,
    })
    .execute();
  return ChannelSchema.parse({
    id,
    key: id,
    name: fields.name,
    online: fields.online,
    icon: fields.icon,
    builtIn: false,
  });
}

/** Whether the workspace's catalogue has this channel. */
export async function channelExists(db: Db, workspaceId: string, channelId: string): Promise<boolean> {
  const row = await db.kysely
    .selectFrom("channels")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", channelId)
    .executeTakeFirst();
  return row !== undefined;
}
