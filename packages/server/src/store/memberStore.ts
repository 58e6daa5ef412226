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
  return rows.map((r) => ({
    userId: r.id,
    email: r.email,
    name: r.name,
    role: RoleSchema.parse(r.role),
    joinedAt: r.created_at,
  }));
}

/** The ids of the workspace's owners. */
export async function listOwnerIds(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom("members")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "owner")
    .execute();
  return rows.map((r) => r.user_id);
}

/** Changes an existing member's role. */
export async function updateMemberRole(db: Db, workspaceId: string, userId: string, role: Role): Promise<void> {
  await db.kysely
    .updateTable("members")
    .set({ role })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .execute();
}

/** Removes a member from the workspace. */
export async function deleteMember(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db.kysely.deleteFrom("members").where("workspace_id", "=", workspaceId).where("user_id", "=", userId).execute();
}

/** The workspace's first owner, who acts for the CLI where an action needs a person. */
export async function firstOwnerId(db: Db, workspaceId: string): Promise<string | undefined> {
  return (
    await db.kysely
      .selectFrom("members")
      .select("user_id")
      .where("workspace_id", "=", workspaceId)
      .where("role", "=", "owner")
      .orderBy("created_at")
      .executeTakeFirst()
  )?.user_id;
}

/** The id of the workspace's member with this e-mail (any case), if they are one. */
export async function memberIdByEmail(db: Db, workspaceId: string, email: string): Promise<string | undefined> {
  const row = await db.kysely
    .selectFrom("users")
    .innerJoin("members", "members.user_id", "users.id")
    .select("users.id")
    .where("users.email", "=", email.toLowerCase())
    .where("members.workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return row?.id;
}
