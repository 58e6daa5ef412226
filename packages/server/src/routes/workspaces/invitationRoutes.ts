import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import {
  IdSchema,
  InvitationAcceptedSchema,
  InvitationAcceptSchema,
  invitationAcceptPath,
  InvitationCreatedSchema,
  InvitationCreateSchema,
  InvitationInfoSchema,
} from "@opencjm/core";
import { acceptInvitation, findOpenInvitation } from "../../auth/invitationAcceptor.js";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { createInvitation } from "../../commands/invitationCreator.js";
import { notFound } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller, requireSession } from "../../http/callerMiddleware.js";
import { deleteInvitation, listInvitations } from "../../store/invitationStore.js";
import { getUser } from "../../store/userStore.js";
import { errorResponses, jsonBody, jsonContent, named, OkSchema, WorkspaceParams } from "../openApiSchemas.js";

const InvitationSchema = named(InvitationInfoSchema, "Invitation");
const tags = ["Invitations"];

const create = createRoute({
  method: "post",
  path: "/api/workspaces/{workspaceId}/invitations",
  tags,
  summary: "Invite someone by e-mail (owner); returns a one-time token and whether the e-mail went out",
  request: { params: WorkspaceParams, ...jsonBody(InvitationCreateSchema) },
  responses: { 201: jsonContent(named(InvitationCreatedSchema, "InvitationCreated"), "Invited"), ...errorResponses },
});
const list = createRoute({
  method: "get",
  path: "/api/workspaces/{workspaceId}/invitations",
  tags,
  summary: "Open and accepted invitations (owner)",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(z.array(InvitationSchema), "Invitations"), ...errorResponses },
});
const revoke = createRoute({
  method: "delete",
  path: "/api/workspaces/{workspaceId}/invitations/{invitationId}",
  tags,
  summary: "Withdraw an invitation (owner)",
  request: { params: WorkspaceParams.extend({ invitationId: IdSchema }) },
  responses: { 200: jsonContent(OkSchema, "Withdrawn"), ...errorResponses },
});
const accept = createRoute({
  method: "post",
  path: "/api/invitations/accept",
  tags,
  summary: "Accept an invitation sent to your e-mail",
  request: jsonBody(InvitationAcceptSchema),
  responses: {
    200: jsonContent(InvitationAcceptedSchema, "Joined"),
    409: errorResponses[400],
    410: errorResponses[400],
    ...errorResponses,
  },
});

/** Invitations: owners invite by e-mail with a role; the invitee accepts with the one-time token. */
export function registerInvitationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { email, role } = c.req.valid("json");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "manage");
    const invitation = await createInvitation(services, { workspaceId, email, role, invitedBy: caller.userId });
    return c.json({ ...invitation, acceptPath: invitationAcceptPath(invitation.token) }, 201);
  });

  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "manage");
    return c.json(await listInvitations(db, workspaceId), 200);
  });

  app.openapi(revoke, async (c) => {
    const { workspaceId, invitationId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "manage");
    if (!(await deleteInvitation(db, workspaceId, invitationId))) throw notFound("invitation");
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(accept, async (c) => {
    const caller = requireSession(c);
    const { token } = c.req.valid("json");
    const { db, activity } = c.get("services");
    const user = await getUser(db, caller.userId);
    const invitation = await findOpenInvitation(db, token, user.email);
    const role = await acceptInvitation(db, invitation, caller.userId);
    await activity.record({
      workspaceId: invitation.workspaceId,
      actorId: caller.userId,
      action: "member.joined",
      data: { name: user.name, email: user.email, role },
    });
    return c.json({ workspaceId: invitation.workspaceId, role }, 200);
  });
}
