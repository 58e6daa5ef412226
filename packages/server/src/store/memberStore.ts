import { RoleSchema, type Role } from "@opencjm/core";
import type { Db } from "../db/createDb.js";

/** A member of a workspace as the API shows it. */
export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

/** The workspace's members by name. */
export async function listMembers(db: Db, workspaceId: string): Promise<Member[]> {
  const rows = await db.kysely
    .selectFrom("members")
    .innerJoin("users", "users.id", "members.user_id")
    .select(["users.id", "users.email", "users.name", "members.role", "members.created_at"])
    .where("members.workspace_id", "=", workspaceId)
    .orderBy("users.name")
    .execute();
  return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name, role: RoleSchema.parse(r.role), joinedAt: r.created_at }));
}

/** The ids of the workspace's owners. */
export async function listOwnerIds(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db.kysely.selectFrom("members").select("user_id").where("workspace_id", "=", workspaceId).where("role", "=", "owner").execute();
  return rows.map((r) => r.user_id);
}

/** Changes an existing member's role. */
export async function updateMemberRole(db: Db, workspaceId: string, userId: string, role: Role): Promise<void> {
  await db.kysely.updateTable("members").set({ role }).where("workspace_id", "=", workspaceId).where("user_id", "=", userId).execute();
}

/** Removes a member from the workspace. */
export async function deleteMember(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db.kysely.deleteFrom("members").where("workspace_id", "=", workspaceId).where("user_id", "=", userId).execute();
}
