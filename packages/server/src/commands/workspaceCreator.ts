import { newId, type Locale, type Role } from "@opencjm/core";
import type { Db } from "../db/createDb.js";

/** Creates a workspace with its owner as first member. */
export async function createWorkspace(db: Db, input: { name: string; locale: Locale; ownerId: string }): Promise<{ id: string; name: string; locale: Locale; createdAt: string }> {
  const workspace = { id: newId("ws_"), name: input.name.trim(), locale: input.locale, createdAt: new Date().toISOString() };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto("workspaces").values({ id: workspace.id, name: workspace.name, locale: workspace.locale, created_at: workspace.createdAt }).execute();
    await trx.insertInto("members").values({ workspace_id: workspace.id, user_id: input.ownerId, role: "owner", created_at: workspace.createdAt }).execute();
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
