import { RoleSchema, type Role } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import { conflict, DomainError, forbidden, notFound } from "../errors/DomainError.js";
import { hashSecret } from "./resolveCaller.js";

/** An invitation that may still be accepted. */
export interface OpenInvitation {
  id: string;
  workspaceId: string;
  email: string;
  role: Role;
}

/** The open invitation with this one-time token for this e-mail; 404, 409 (used), 410 (expired) or 403 otherwise. */
export async function findOpenInvitation(db: Db, token: string, email: string): Promise<OpenInvitation> {
  const row = await db.kysely
    .selectFrom("invitations")
    .selectAll()
    .where("token_hash", "=", hashSecret(token))
    .executeTakeFirst();
  if (!row) throw notFound("invitation");
  if (row.accepted_at) throw usedInvitation();
  if (row.expires_at <= new Date().toISOString())
    throw new DomainError({
      kind: "gone",
      code: "invitation_expired",
      message: "this invitation has expired; ask for a new one",
    });
  if (row.email !== email.trim().toLowerCase())
    throw forbidden(`this invitation was sent to ${row.email}, not to your e-mail`);
  return { id: row.id, workspaceId: row.workspace_id, email: row.email, role: RoleSchema.parse(row.role) };
}

/**
 * Makes the user a member with the invitation's role (unless already one) and marks it used, in one transaction that
 * claims the invitation first: of two people accepting one link at once, one joins and the other is told it is used.
 * Returns the role held in the workspace.
 */
export async function acceptInvitation(db: Db, invitation: OpenInvitation, userId: string): Promise<Role> {
  return db.kysely.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const claimed = await trx
      .updateTable("invitations")
      .set({ accepted_at: now })
      .where("id", "=", invitation.id)
      .where("accepted_at", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw usedInvitation();
    const existing = await trx
      .selectFrom("members")
      .select("role")
      .where("workspace_id", "=", invitation.workspaceId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (existing) return RoleSchema.parse(existing.role);
    await trx
      .insertInto("members")
      .values({ workspace_id: invitation.workspaceId, user_id: userId, role: invitation.role, created_at: now })
      .execute();
    return invitation.role;
  });
}

const usedInvitation = () => conflict("invitation_used", "this invitation has already been accepted");
