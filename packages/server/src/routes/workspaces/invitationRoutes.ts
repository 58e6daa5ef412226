import { randomBytes } from "node:crypto";
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { IdSchema, newId, RoleSchema } from "@opencjm/core";
import { acceptInvitation, findOpenInvitation } from "../../auth/invitationAcceptor.js";
import { hashSecret } from "../../auth/resolveCaller.js";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { notFound } from "../../http/apiError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller, requireSession } from "../../http/callerMiddleware.js";
import { errorResponses, jsonBody, jsonContent, OkSchema, WorkspaceParams } from "../openApiSchemas.js";

const INVITATION_TTL_MS = 7 * 24 * 3600_000;
const InvitationSchema = z.object({ id: z.string(), email: z.string(), role: RoleSchema, createdAt: z.string(), expiresAt: z.string(), acceptedAt: z.string().nullable() }).openapi("Invitation");
const tags = ["Invitations"];

const create = createRoute({ method: "post", path: "/api/workspaces/{workspaceId}/invitations", tags, summary: "Invite someone by e-mail (owner); returns a one-time token", request: { params: WorkspaceParams, ...jsonBody(z.strictObject({ email: z.email().max(254), role: RoleSchema })) }, responses: { 201: jsonContent(InvitationSchema.extend({ token: z.string(), acceptPath: z.string() }), "Invited"), ...errorResponses } });
const list = createRoute({ method: "get", path: "/api/workspaces/{workspaceId}/invitations", tags, summary: "Open and accepted invitations (owner)", request: { params: WorkspaceParams }, responses: { 200: jsonContent(z.array(InvitationSchema), "Invitations"), ...errorResponses } });
const revoke = createRoute({ method: "delete", path: "/api/workspaces/{workspaceId}/invitations/{invitationId}", tags, summary: "Withdraw an invitation (owner)", request: { params: WorkspaceParams.extend({ invitationId: IdSchema }) }, responses: { 200: jsonContent(OkSchema, "Withdrawn"), ...errorResponses } });
const accept = createRoute({ method: "post", path: "/api/invitations/accept", tags, summary: "Accept an invitation sent to your e-mail", request: jsonBody(z.strictObject({ token: z.string().min(10).max(200) })), responses: { 200: jsonContent(z.object({ workspaceId: z.string(), role: RoleSchema }), "Joined"), 409: errorResponses[400], 410: errorResponses[400], ...errorResponses } });

type Row = { id: string; email: string; role: string; created_at: string; expires_at: string; accepted_at: string | null };
const present = (r: Row) => ({ id: r.id, email: r.email, role: RoleSchema.parse(r.role), createdAt: r.created_at, expiresAt: r.expires_at, acceptedAt: r.accepted_at });

/** Invitations: owners invite by e-mail with a role; the invitee accepts with the one-time token. */
export function registerInvitationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { email, role } = c.req.valid("json");
    const { db } = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(db, caller, workspaceId, "manage");
    const token = randomBytes(24).toString("base64url");
    const now = new Date();
    const row = { id: newId("inv_"), workspace_id: workspaceId, email: email.toLowerCase(), role, token_hash: hashSecret(token), invited_by: caller.userId, created_at: now.toISOString(), expires_at: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(), accepted_at: null };
    await db.kysely.insertInto("invitations").values(row).execute();
    return c.json({ ...present(row), token, acceptPath: `/invite/${token}` }, 201);
  });

  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "manage");
    const rows = await db.kysely.selectFrom("invitations").selectAll().where("workspace_id", "=", workspaceId).orderBy("created_at", "desc").execute();
    return c.json(rows.map(present), 200);
  });

  app.openapi(revoke, async (c) => {
    const { workspaceId, invitationId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "manage");
    const result = await db.kysely.deleteFrom("invitations").where("id", "=", invitationId).where("workspace_id", "=", workspaceId).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound("invitation");
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(accept, async (c) => {
    const caller = requireSession(c);
    const { token } = c.req.valid("json");
    const { db } = c.get("services");
    const user = await db.kysely.selectFrom("users").select("email").where("id", "=", caller.userId).executeTakeFirstOrThrow();
    const invitation = await findOpenInvitation(db, token, user.email);
    const role = await acceptInvitation(db, invitation, caller.userId);
    return c.json({ workspaceId: invitation.workspaceId, role }, 200);
  });
}
