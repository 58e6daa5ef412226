import { z } from "zod";
import { UserIdSchema, WorkspaceIdSchema } from "../ids.js";
import { LocaleSchema } from "../locale.js";

/** Roles in a workspace, from most to least powerful (PRODUCT.md §4.8). */
export const ROLES = ["owner", "editor", "commenter", "viewer"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const WorkspaceSchema = z.strictObject({
  id: WorkspaceIdSchema,
  name: z.string().trim().min(1).max(120),
  locale: LocaleSchema,
  createdAt: z.string(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const MemberSchema = z.strictObject({
  workspaceId: WorkspaceIdSchema,
  userId: UserIdSchema,
  role: RoleSchema,
  email: z.email(),
  name: z.string(),
});
export type Member = z.infer<typeof MemberSchema>;

/** What a caller may do; each endpoint asks for one of these. */
export type Permission = "read" | "comment" | "write" | "manage";

const grants: Record<Role, readonly Permission[]> = {
  owner: ["read", "comment", "write", "manage"],
  editor: ["read", "comment", "write"],
  commenter: ["read", "comment"],
  viewer: ["read"],
};

/** True when the role carries the permission. */
export function roleAllows(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
