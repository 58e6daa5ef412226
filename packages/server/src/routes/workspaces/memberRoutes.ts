import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { IdSchema, RoleSchema } from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import type { Db } from "../../db/createDb.js";
import { ApiError, forbidden, notFound } from "../../http/apiError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { errorResponses, jsonBody, jsonContent, OkSchema, WorkspaceParams } from "../openApiSchemas.js";

const MemberSchema = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: RoleSchema, joinedAt: z.string() }).openapi("Member");
const MemberParams = WorkspaceParams.extend({ userId: IdSchema });
const tags = ["Members"];

const list = createRoute({ method: "get", path: "/api/workspaces/{workspaceId}/members", tags, summary: "Members of a workspace", request: { params: WorkspaceParams }, responses: { 200: jsonContent(z.array(MemberSchema), "Members"), ...errorResponses } });
const update = createRoute({ method: "patch", path: "/api/workspaces/{workspaceId}/members/{userId}", tags, summary: "Change a member's role (owner)", request: { params: MemberParams, ...jsonBody(z.strictObject({ role: RoleSchema })) }, responses: { 200: jsonContent(MemberSchema, "Updated"), ...errorResponses } });
const remove = createRoute({ method: "delete", path: "/api/workspaces/{workspaceId}/members/{userId}", tags, summary: "Remove a member (owner), or leave yourself", request: { params: MemberParams }, responses: { 200: jsonContent(OkSchema, "Removed"), ...errorResponses } });

async function listMembers(db: Db, workspaceId: string) {
  const rows = await db.kysely.selectFrom("members").innerJoin("users", "users.id", "members.user_id").select(["users.id", "users.email", "users.name", "members.role", "members.created_at"]).where("members.workspace_id", "=", workspaceId).orderBy("users.name").execute();
  return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name, role: RoleSchema.parse(r.role), joinedAt: r.created_at }));
}

/** Refuses a change that would leave the workspace without an owner. */
async function keepAnOwner(db: Db, workspaceId: string, userId: string): Promise<void> {
  const owners = await db.kysely.selectFrom("members").select("user_id").where("workspace_id", "=", workspaceId).where("role", "=", "owner").execute();
  if (owners.length === 1 && owners[0]!.user_id === userId) throw new ApiError(409, "last_owner", "a workspace needs at least one owner; make someone else owner first");
}

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
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "manage");
    const member = (await listMembers(db, workspaceId)).find((m) => m.userId === userId);
    if (!member) throw notFound("member");
    if (role !== "owner") await keepAnOwner(db, workspaceId, userId);
    await db.kysely.updateTable("members").set({ role }).where("workspace_id", "=", workspaceId).where("user_id", "=", userId).execute();
    return c.json({ ...member, role }, 200);
  });

  app.openapi(remove, async (c) => {
    const { workspaceId, userId } = c.req.valid("param");
    const { db } = c.get("services");
    const caller = requireCaller(c);
    const leaving = caller.userId === userId;
    await requireWorkspacePermission(db, caller, workspaceId, leaving ? "read" : "manage");
    // Anyone may leave, but leaving changes the account: a read-only token may not do it for its person.
    if (leaving && caller.kind === "token" && caller.scope === "read") throw forbidden("this API token is read-only");
    const member = (await listMembers(db, workspaceId)).find((m) => m.userId === userId);
    if (!member) throw notFound("member");
    await keepAnOwner(db, workspaceId, userId);
    await db.kysely.deleteFrom("members").where("workspace_id", "=", workspaceId).where("user_id", "=", userId).execute();
    return c.json({ ok: true as const }, 200);
  });
}
