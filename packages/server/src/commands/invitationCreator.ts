import { randomBytes } from "node:crypto";
import { LocaleSchema, newId, type InvitationEmailStatus, type Role } from "@opencjm/core";
import { hashSecret } from "../auth/resolveCaller.js";
import { DomainError, tryAgainLater } from "../errors/DomainError.js";
import { invitationEmail } from "../mail/invitationEmail.js";
import { mailerOf } from "../mail/Mailer.js";
import type { Services } from "../services.js";
import { countInvitationsSince, insertInvitation, invitationOf, type Invitation } from "../store/invitationStore.js";
import { findUserIdByEmail, getUser } from "../store/userStore.js";
import { getWorkspace } from "../store/workspaceStore.js";

/** How long an invitation may be accepted. */
const INVITATION_TTL_MS = 7 * 24 * 3600_000;
/** Invitations one workspace may send in an hour: enough for a team, too few to spam through our SMTP server. */
export const INVITATIONS_PER_HOUR = 50;

/** A new invitation with its one-time token, and what became of its e-mail. */
export type CreatedInvitation = Invitation & {
  token: string;
  emailStatus: InvitationEmailStatus;
  emailError: string | null;
};

/**
 * Invites an e-mail into a workspace with a role: stores the invitation (its token hashed), e-mails the one-time link
 * when SMTP is configured — in the invitee's language when they have an account, else the workspace's — tells an
 * existing account in the app, and records it in the activity log. A failed e-mail keeps the invitation (the link can
 * still be copied) and is reported in `emailError`.
 */
export async function createInvitation(
  services: Services,
  input: { workspaceId: string; email: string; role: Role; invitedBy: string },
): Promise<CreatedInvitation> {
  const { db } = services;
  const now = new Date();
  const sent = await countInvitationsSince(db, input.workspaceId, new Date(now.getTime() - 3600_000).toISOString());
  if (sent >= INVITATIONS_PER_HOUR) {
    throw tryAgainLater(
      "too_many",
      "too_many_invitations",
      `this workspace has sent ${INVITATIONS_PER_HOUR} invitations in the last hour; try again later`,
      3600,
    );
  }
  const token = randomBytes(24).toString("base64url");
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
  const invitation = invitationOf(row);
  const [inviter, workspace, inviteeId] = await Promise.all([
    getUser(db, input.invitedBy),
    getWorkspace(db, input.workspaceId),
    findUserIdByEmail(db, row.email),
  ]);
  await services.activity.record({
    workspaceId: input.workspaceId,
    actorId: input.invitedBy,
    action: "member.invited",
    data: { email: row.email, role: input.role },
  });
  if (inviteeId) {
    await services.notifications.notify([
      {
        userId: inviteeId,
        workspaceId: input.workspaceId,
        kind: "invitation",
        actorId: input.invitedBy,
        subjectId: invitation.id,
        data: { workspaceName: workspace.name, role: input.role, expiresAt: row.expires_at },
      },
    ]);
  }

  const mailer = mailerOf(services.config);
  if (!mailer.enabled) return { ...invitation, token, emailStatus: "off", emailError: null };
  const invitee = inviteeId ? await getUser(db, inviteeId) : undefined;
  const locale = LocaleSchema.catch("en").parse(invitee?.locale ?? workspace.locale);
  try {
    await mailer.send(
      invitationEmail(mailer, {
        to: row.email,
        locale,
        inviterName: inviter.name,
        workspaceName: workspace.name,
        role: input.role,
        token,
        expiresAt: row.expires_at,
      }),
    );
    return { ...invitation, token, emailStatus: "sent", emailError: null };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return { ...invitation, token, emailStatus: "failed", emailError: err.message };
  }
}
