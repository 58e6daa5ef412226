import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { LocaleSchema, WorkspaceCreateSchema, WorkspaceInfoSchema, type Role } from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { createWorkspace } from "../../commands/workspaceCreator.js";
import { removeWorkspace } from "../../commands/workspaceRemover.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireAccountWriter, requireCaller } from "../../http/callerMiddleware.js";
import { getWorkspace, listWorkspacesOf, updateWorkspace } from "../../store/workspaceStore.js";
import { errorResponses, jsonBody, jsonContent, named, OkSchema, WorkspaceParams } from "../openApiSchemas.js";

const WorkspacePatchSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  locale: LocaleSchema.optional(),
});
const WorkspaceSchema = named(WorkspaceInfoSchema, "Workspace");
const tags = ["Workspaces"];

const create = createRoute({
  method: "post",
  path: "/api/workspaces",
  tags,
  summary: "Create a workspace (you become its owner)",
  request: jsonBody(WorkspaceCreateSchema),
  responses: { 201: jsonContent(WorkspaceSchema, "Created"), ...errorResponses },
});
const list = createRoute({
  method: "get",
  path: "/api/workspaces",
  tags,
  summary: "Workspaces you belong to",
  responses: { 200: jsonContent(z.array(WorkspaceSchema), "Workspaces"), ...errorResponses },
});
const get = createRoute({
  method: "get",
  path: "/api/workspaces/{workspaceId}",
  tags,
  summary: "One workspace",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(WorkspaceSchema, "Workspace"), ...errorResponses },
});
const patch = createRoute({
  method: "patch",
  path: "/api/workspaces/{workspaceId}",
  tags,
  summary: "Rename a workspace or change its language (owner)",
  request: { params: WorkspaceParams, ...jsonBody(WorkspacePatchSchema) },
  responses: { 200: jsonContent(WorkspaceSchema, "Updated"), ...errorResponses },
});
const remove = createRoute({
  method: "delete",
  path: "/api/workspaces/{workspaceId}",
  tags,
  summary: "Delete a workspace and everything in it (owner)",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(OkSchema, "Deleted"), ...errorResponses },
});

/** Workspaces: create, list, read, rename, delete. */
export function registerWorkspaceRoutes(app: OpenAPIHono<AppEnv>): void {
  const present = async (
    c: { get: (k: "services") => AppEnv["Variables"]["services"] },
    workspaceId: string,
    role: Role,
  ) => ({ ...(await getWorkspace(c.get("services").db, workspaceId)), role });

  app.openapi(create, async (c) => {
    const caller = requireAccountWriter(c);
    const body = c.req.valid("json");
    const ws = await createWorkspace(c.get("services").db, { ...body, ownerId: caller.userId });
    return c.json(await present(c, ws.id, "owner"), 201);
  });

  app.openapi(list, async (c) => {
    const caller = requireCaller(c);
    const onlyId = caller.kind === "token" && caller.workspaceId ? caller.workspaceId : undefined;
    return c.json(await listWorkspacesOf(c.get("services").db, caller.userId, onlyId), 200);
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
    await updateWorkspace(c.get("services").db, workspaceId, body);
    return c.json(await present(c, workspaceId, role), 200);
  });

  app.openapi(remove, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "manage");
    await removeWorkspace(services, workspaceId);
    return c.json({ ok: true as const }, 200);
  });
}
