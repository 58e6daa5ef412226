import { BUILT_IN_CHANNELS, newId, type Locale, type Role } from "@opencjm/core";
import type { Db } from "../db/createDb.js";

/** Creates a workspace with its owner as first member and the built-in channel catalogue in its language. */
export async function createWorkspace(
  db: Db,
  input: { name: string; locale: Locale; ownerId: string },
): Promise<{ id: string; name: string; locale: Locale; createdAt: string }> {
  const workspace = {
    id: newId("ws_"),
    name: input.name.trim(),
    locale: input.locale,
    createdAt: new Date().toISOString(),
  };
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto("workspaces")
      .values({ id: workspace.id, name: workspace.name, locale: workspace.locale, created_at: workspace.createdAt })
      .execute();
    await trx
      .insertInto("members")
      .values({ workspace_id: workspace.id, user_id: input.ownerId, role: "owner", created_at: workspace.createdAt })
      .execute();
    await trx
      .insertInto("channels")
      .values(
        BUILT_IN_CHANNELS.map((c) => ({
          id: c.key,
          workspace_id: workspace.id,
          key: c.key,
          name: c.name[input.locale],
          online: c.online ? 1 : 0,
          icon: c.icon,
          built_in: 1,
        })),
      )
      .execute();
  });
  return workspace;
}

/** Adds a user to a workspace with a role, or changes their role. */
export async function setMemberRole(db: Db, workspaceId: string, userId: string, role: Role): Promise<void> {
  const now = new Date().toISOString();
  await db.kysely
    .insertInto("members")
    .values({ workspace_id: workspaceId, user_id: userId, role, created_at: now })
    .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doUpdateSet({ role }))
    .execute();
}
