import { RoleSchema, type Role } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import type { Selectable } from "kysely";
import type { InvitationsTable } from "../db/schema.js";

type InvitationRow = Selectable<InvitationsTable>;

/** An invitation as the API shows it (never its token). */
export interface Invitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

/** A stored invitation row as the API shows it. */
export const invitationOf = (
  r: Pick<InvitationRow, "id" | "email" | "role" | "created_at" | "expires_at" | "accepted_at">,
): Invitation => ({
  id: r.id,
  email: r.email,
  role: RoleSchema.parse(r.role),
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
});

/** Stores a new invitation. */
export async function insertInvitation(db: Db, row: InvitationRow): Promise<void> {
  await db.kysely.insertInto("invitations").values(row).execute();
}

/** The workspace's invitations, newest first. */
export async function listInvitations(db: Db, workspaceId: string): Promise<Invitation[]> {
  const rows = await db.kysely
    .selectFrom("invitations")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(invitationOf);
}

/** Deletes an invitation of the workspace; false when there was none. */
export async function deleteInvitation(db: Db, workspaceId: string, invitationId: string): Promise<boolean> {
  const result = await db.kysely
    .deleteFrom("invitations")
    .where("id", "=", invitationId)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** How many invitations a workspace has sent since a moment (for the hourly limit). */
export async function countInvitationsSince(db: Db, workspaceId: string, since: string): Promise<number> {
  const row = await db.kysely
    .selectFrom("invitations")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("workspace_id", "=", workspaceId)
    .where("created_at", ">=", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
