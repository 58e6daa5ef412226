import { randomBytes } from "node:crypto";
import { newId, type Role } from "@opencjm/core";
import { hashSecret } from "../auth/resolveCaller.js";
import type { Db } from "../db/createDb.js";
import { insertInvitation, invitationOf, type Invitation } from "../store/invitationStore.js";

/** How long an invitation may be accepted. */
const INVITATION_TTL_MS = 7 * 24 * 3600_000;

/** Invites an e-mail into a workspace with a role; returns the invitation and its one-time token (stored hashed). */
export async function createInvitation(
  db: Db,
  input: { workspaceId: string; email: string; role: Role; invitedBy: string },
): Promise<Invitation & { token: string }> {
  const token = randomBytes(24).toString("base64url");
  const now = new Date();
  const row = {
    id: newId("inv_"),
    workspace_id: input.workspaceId,
    email: input.email.toLowerCase(),
    role: input.role,
    token_hash: hashSecret(token),
    invited_by: input.invitedBy,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
    accepted_at: null,
  };
  await insertInvitation(db, row);
  return { ...invitationOf(row), token };
}
