import { z } from "zod";
import { IdSchema } from "../ids.js";
import { RoleSchema } from "../schemas/workspace.js";

/** A member of a workspace as GET /api/workspaces/{workspaceId}/members lists them. */
export const MemberInfoSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  joinedAt: z.string(),
});
export type MemberInfo = z.infer<typeof MemberInfoSchema>;

/** Body of PATCH /api/workspaces/{workspaceId}/members/{userId}. */
export const MemberRoleChangeSchema = z.strictObject({ role: RoleSchema });

/** Body of POST /api/workspaces/{workspaceId}/ownership: the member who becomes owner in the caller's place. */
export const OwnershipTransferSchema = z.strictObject({ userId: IdSchema });

/** An invitation as the owners see it (never its token). */
export const InvitationInfoSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
});
export type InvitationInfo = z.infer<typeof InvitationInfoSchema>;

/** Body of POST /api/workspaces/{workspaceId}/invitations. */
export const InvitationCreateSchema = z.strictObject({ email: z.email().max(254), role: RoleSchema });
export type InvitationCreateRequest = z.input<typeof InvitationCreateSchema>;

/** What became of an invitation's e-mail: sent, failed (the link is still good to copy), or off (no SMTP). */
export const InvitationEmailStatusSchema = z.enum(["sent", "failed", "off"]);
export type InvitationEmailStatus = z.infer<typeof InvitationEmailStatusSchema>;

/**
 * Answer of POST …/invitations: the one-time token, shown once, the web path that accepts it, and whether the
 * invitation went out by e-mail (`emailError` says why not when sending failed).
 */
export const InvitationCreatedSchema = InvitationInfoSchema.extend({
  token: z.string(),
  acceptPath: z.string(),
  emailStatus: InvitationEmailStatusSchema,
  emailError: z.string().nullable(),
});
export type InvitationCreated = z.infer<typeof InvitationCreatedSchema>;

/** Body of POST /api/invitations/accept. */
export const InvitationAcceptSchema = z.strictObject({ token: z.string().min(10).max(200) });

/** Answer of POST /api/invitations/accept: the workspace joined and the role held there. */
export const InvitationAcceptedSchema = z.object({ workspaceId: z.string(), role: RoleSchema });
export type InvitationAccepted = z.infer<typeof InvitationAcceptedSchema>;

/** The web path where an invitation's token is accepted; the API's `acceptPath` and the web app's route agree on it. */
export const invitationAcceptPath = (token: string): string => `/invite/${encodeURIComponent(token)}`;
