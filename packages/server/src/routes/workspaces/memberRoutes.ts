import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { IdSchema, MemberInfoSchema, MemberRoleChangeSchema, OwnershipTransferSchema } from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { changeMemberRole, removeMember } from "../../commands/memberUpdater.js";
import { transferOwnership } from "../../commands/ownershipTransferer.js";
import { forbidden } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { listMembers } from "../../store/memberStore.js";
import { getUser } from "../../store/userStore.js";
import { errorResponses, jsonBody, jsonContent, named, OkSchema, WorkspaceParams } from "../openApiSchemas.js";

const MemberSchema = named(MemberInfoSchema, "Member");
const MemberParams = WorkspaceParams.extend({ userId: IdSchema });
const tags = ["Members"];

const list = createRoute({
  method: "get",
  path: "/api/workspaces/{workspaceId}/members",
  tags,
  summary: "Members of a workspace",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(z.array(MemberSchema), "Members"), ...errorResponses },
});
const update = createRoute({
  method: "patch",
  path: "/api/workspaces/{workspaceId}/members/{userId}",
  tags,
  summary: "Change a member's role (owner)",
  request: { params: MemberParams, ...jsonBody(MemberRoleChangeSchema) },
  responses: { 200: jsonContent(MemberSchema, "Updated"), ...errorResponses },
});
const remove = createRoute({
  method: "delete",
  path: "/api/workspaces/{workspaceId}/members/{userId}",
  tags,
  summary: "Remove a member (owner), or leave yourself",
  request: { params: MemberParams },
  responses: { 200: jsonContent(OkSchema, "Removed"), ...errorResponses },
});
const transfer = createRoute({
  method: "post",
  path: "/api/workspaces/{workspaceId}/ownership",
  tags,
  summary: "Hand your ownership to another member (owner); you become an editor",
  request: { params: WorkspaceParams, ...jsonBody(OwnershipTransferSchema) },
  responses: { 200: jsonContent(OkSchema, "Transferred"), ...errorResponses },
});

/** Workspace members and their roles. */
export function registerMemberRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    return c.json(await listMembers(db, workspaceId), 200);
  });

  app.openapi(update, async (c) => {
    const { workspaceId, userId } = c.req.valid("param");
    const { role } = c.req.valid("json");
    const { db, activity } = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(db, caller, workspaceId, "manage");
    const member = await changeMemberRole(db, workspaceId, userId, role);
    await activity.record({
      workspaceId,
      actorId: caller.userId,
      action: "member.role_changed",
      data: { userId, name: member.name, email: member.email, role },
    });
    return c.json(member, 200);
  });

  app.openapi(remove, async (c) => {
    const { workspaceId, userId } = c.req.valid("param");
    const { db } = c.get("services");
    const caller = requireCaller(c);
    const leaving = caller.userId === userId;
    await requireWorkspacePermission(db, caller, workspaceId, leaving ? "read" : "manage");
    // Anyone may leave, but leaving changes the account: a read-only token may not do it for its person.
    if (leaving && caller.kind === "token" && caller.scope === "read") throw forbidden("this API token is read-only");
    await removeMember(db, workspaceId, userId);
    const removed = await getUser(db, userId);
    await c.get("services").activity.record({
      workspaceId,
      actorId: caller.userId,
      action: leaving ? "member.left" : "member.removed",
      data: { userId, name: removed.name, email: removed.email },
    });
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(transfer, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { userId } = c.req.valid("json");
    const { db } = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(db, caller, workspaceId, "manage");
    await transferOwnership(db, workspaceId, caller.userId, userId);
    const owner = await getUser(db, userId);
    await c.get("services").activity.record({
      workspaceId,
      actorId: caller.userId,
      action: "ownership.transferred",
      data: { userId, name: owner.name, email: owner.email },
    });
    return c.json({ ok: true as const }, 200);
  });
}
