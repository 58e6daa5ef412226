import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { LocaleSchema, RoleSchema, WorkspaceCreateSchema, WorkspaceInfoSchema } from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { createWorkspace } from "../../commands/workspaceCreator.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireAccountWriter, requireCaller } from "../../http/callerMiddleware.js";
import { errorResponses, jsonBody, jsonContent, named, OkSchema, WorkspaceParams } from "../openApiSchemas.js";

const WorkspacePatchSchema = z.strictObject({ name: z.string().trim().min(1).max(120).optional(), locale: LocaleSchema.optional() });
const WorkspaceSchema = named(WorkspaceInfoSchema, "Workspace");
const tags = ["Workspaces"];

const create = createRoute({ method: "post", path: "/api/workspaces", tags, summary: "Create a workspace (you become its owner)", request: jsonBody(WorkspaceCreateSchema), responses: { 201: jsonContent(WorkspaceSchema, "Created"), ...errorResponses } });
const list = createRoute({ method: "get", path: "/api/workspaces", tags, summary: "Workspaces you belong to", responses: { 200: jsonContent(z.array(WorkspaceSchema), "Workspaces"), ...errorResponses } });
const get = createRoute({ method: "get", path: "/api/workspaces/{workspaceId}", tags, summary: "One workspace", request: { params: WorkspaceParams }, responses: { 200: jsonContent(WorkspaceSchema, "Workspace"), ...errorResponses } });
const patch = createRoute({ method: "patch", path: "/api/workspaces/{workspaceId}", tags, summary: "Rename a workspace or change its language (owner)", request: { params: WorkspaceParams, ...jsonBody(WorkspacePatchSchema) }, responses: { 200: jsonContent(WorkspaceSchema, "Updated"), ...errorResponses } });
const remove = createRoute({ method: "delete", path: "/api/workspaces/{workspaceId}", tags, summary: "Delete a workspace and everything in it (owner)", request: { params: WorkspaceParams }, responses: { 200: jsonContent(OkSchema, "Deleted"), ...errorResponses } });

/** Workspaces: create, list, read, rename, delete. */
export function registerWorkspaceRoutes(app: OpenAPIHono<AppEnv>): void {
  const present = async (c: { get: (k: "services") => AppEnv["Variables"]["services"] }, workspaceId: string, role: string) => {
    const row = await c.get("services").db.kysely.selectFrom("workspaces").selectAll().where("id", "=", workspaceId).executeTakeFirstOrThrow();
    return { id: row.id, name: row.name, locale: row.locale, createdAt: row.created_at, role: RoleSchema.parse(role) };
  };

  app.openapi(create, async (c) => {
    const caller = requireAccountWriter(c);
    const body = c.req.valid("json");
    const ws = await createWorkspace(c.get("services").db, { ...body, ownerId: caller.userId });
    return c.json(await present(c, ws.id, "owner"), 201);
  });

  app.openapi(list, async (c) => {
    const caller = requireCaller(c);
    let query = c.get("services").db.kysely.selectFrom("members").innerJoin("workspaces", "workspaces.id", "members.workspace_id").selectAll("workspaces").select("members.role").where("members.user_id", "=", caller.userId);
    if (caller.kind === "token" && caller.workspaceId) query = query.where("workspaces.id", "=", caller.workspaceId);
    const rows = await query.orderBy("workspaces.name").execute();
    return c.json(rows.map((r) => ({ id: r.id, name: r.name, locale: r.locale, createdAt: r.created_at, role: RoleSchema.parse(r.role) })), 200);
  });

  app.openapi(get, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const role = await requireWorkspacePermission(c.get("services").db, requireCaller(c), workspaceId, "read");
    return c.json(await present(c, workspaceId, role), 200);
  });

  app.openapi(patch, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const role = await requireWorkspacePermission(c.get("services").db, requireCaller(c), workspaceId, "manage");
    const body = c.req.valid("json");
    if (body.name !== undefined || body.locale !== undefined) await c.get("services").db.kysely.updateTable("workspaces").set(body).where("id", "=", workspaceId).execute();
    return c.json(await present(c, workspaceId, role), 200);
  });

  app.openapi(remove, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db, maps } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "manage");
    for (const map of await maps.list(workspaceId)) await maps.remove(map.id);
    await db.kysely.deleteFrom("workspaces").where("id", "=", workspaceId).execute();
    return c.json({ ok: true as const }, 200);
  });
}
