import { z } from "zod";
import { LocaleSchema } from "../locale.js";
import { RoleSchema } from "../schemas/workspace.js";

const Password = z.string().min(10, "must be at least 10 characters").max(200);

/** Body of POST /api/auth/signup. */
export const SignupSchema = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(120),
  password: Password,
  locale: LocaleSchema.optional(),
  /** The one-time token of an invitation to this e-mail: the new account joins its workspace (and may sign up when SIGNUP=invite-only). */
  invitation: z.string().min(10).max(200).optional(),
});
export type SignupRequest = z.input<typeof SignupSchema>;

/** Body of POST /api/auth/login. */
export const LoginSchema = z.strictObject({ email: z.string().max(254), password: z.string().max(200) });

/** Body of PATCH /api/auth/me: the account's name or language. */
export const MeSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  locale: LocaleSchema.optional(),
});

/** Body of POST /api/auth/password. */
export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().max(200),
  newPassword: Password,
  /** Also revoke every API token of the account (scripts must get new ones); other sessions always end. */
  revokeTokens: z.boolean().default(false),
});

/** The signed-in person. */
export const UserSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), locale: z.string() });

/** The signed-in user with the workspaces they belong to and the CSRF token every write sends. */
export const SessionSchema = z.object({
  user: UserSchema,
  csrfToken: z.string(),
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), role: RoleSchema })),
});
export type Session = z.infer<typeof SessionSchema>;

/** Body of POST /api/workspaces. */
export const WorkspaceCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  locale: LocaleSchema.default("en"),
});

/** A workspace as the API returns it, with the caller's role in it. */
export const WorkspaceInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  locale: z.string(),
  createdAt: z.string(),
  role: RoleSchema,
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;

/** The answer of POST /api/workspaces/demo: the new example workspace and the maps it holds. */
export const ExampleWorkspaceSchema = WorkspaceInfoSchema.extend({ mapIds: z.array(z.string()) });
export type ExampleWorkspace = z.infer<typeof ExampleWorkspaceSchema>;

/** A single-use ticket that opens the collaboration socket (`GET /api/collab/ticket`). */
export const CollabTicketSchema = z.object({ ticket: z.string(), expiresAt: z.string() });
export type CollabTicket = z.infer<typeof CollabTicketSchema>;
