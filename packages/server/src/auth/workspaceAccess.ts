import { roleAllows, RoleSchema, type Permission, type Role } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import { forbidden, notFound, unauthenticated } from "../errors/DomainError.js";
import type { Caller } from "./resolveCaller.js";

/** The caller's role in a workspace, or undefined when they are not a member (or their token is for another one). */
export async function getWorkspaceRole(db: Db, caller: Caller, workspaceId: string): Promise<Role | undefined> {
  if (caller.kind === "token" && caller.workspaceId && caller.workspaceId !== workspaceId) return undefined;
  const row = await db.kysely
    .selectFrom("members")
    .select("role")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", caller.userId)
    .executeTakeFirst();
  return row ? RoleSchema.parse(row.role) : undefined;
}

/**
 * Checks that the caller may do `permission` in the workspace and returns their role.
 * Non-members get 404 so ids of other workspaces reveal nothing; read-only tokens never write.
 */
export async function requireWorkspacePermission(
  db: Db,
  caller: Caller | undefined,
  workspaceId: string,
  permission: Permission,
): Promise<Role> {
  if (!caller) throw unauthenticated("unauthenticated", "sign in or send an API token");
  const role = await getWorkspaceRole(db, caller, workspaceId);
  if (!role) throw notFound("workspace");
  if (caller.kind === "token" && caller.scope === "read" && permission !== "read")
    throw forbidden("this API token is read-only");
  if (!roleAllows(role, permission)) throw forbidden(`the ${role} role cannot ${permission} in this workspace`);
  return role;
}
