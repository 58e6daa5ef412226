import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { ChannelSchema, IdSchema, TouchpointFieldsSchema, TouchpointPatchSchema, TouchpointSchema, newId } from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { createTouchpoint, touchpointOf } from "../../commands/touchpointCreator.js";
import type { Db } from "../../db/createDb.js";
import { ApiError, notFound } from "../../http/apiError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { errorResponses, jsonBody, jsonContent, OkSchema, WorkspaceParams } from "../openApiSchemas.js";

const TouchpointParams = WorkspaceParams.extend({ touchpointId: IdSchema });
const Touchpoint = TouchpointSchema;
const Channel = ChannelSchema;
const ChannelCreateSchema = z.strictObject({ name: z.string().trim().min(1).max(120), online: z.boolean(), icon: z.string().max(60).default("circle") });
const tags = ["Channels and touchpoints"];
const base = "/api/workspaces/{workspaceId}";

const listChannels = createRoute({ method: "get", path: `${base}/channels`, tags, summary: "The channel catalogue (built-in and custom)", request: { params: WorkspaceParams }, responses: { 200: jsonContent(z.array(Channel), "Channels"), ...errorResponses } });
const createChannel = createRoute({ method: "post", path: `${base}/channels`, tags, summary: "Add a custom channel", request: { params: WorkspaceParams, ...jsonBody(ChannelCreateSchema) }, responses: { 201: jsonContent(Channel, "Created"), ...errorResponses } });
const list = createRoute({ method: "get", path: `${base}/touchpoints`, tags, summary: "Touchpoints of a workspace", request: { params: WorkspaceParams }, responses: { 200: jsonContent(z.array(Touchpoint), "Touchpoints"), ...errorResponses } });
const create = createRoute({ method: "post", path: `${base}/touchpoints`, tags, summary: "Create a touchpoint", request: { params: WorkspaceParams, ...jsonBody(TouchpointFieldsSchema) }, responses: { 201: jsonContent(Touchpoint, "Created"), ...errorResponses } });
const get = createRoute({ method: "get", path: `${base}/touchpoints/{touchpointId}`, tags, summary: "One touchpoint", request: { params: TouchpointParams }, responses: { 200: jsonContent(Touchpoint, "Touchpoint"), ...errorResponses } });
const patch = createRoute({ method: "patch", path: `${base}/touchpoints/{touchpointId}`, tags, summary: "Change a touchpoint", request: { params: TouchpointParams, ...jsonBody(TouchpointPatchSchema) }, responses: { 200: jsonContent(Touchpoint, "Updated"), ...errorResponses } });
const remove = createRoute({ method: "delete", path: `${base}/touchpoints/{touchpointId}`, tags, summary: "Delete a touchpoint", request: { params: TouchpointParams }, responses: { 200: jsonContent(OkSchema, "Deleted"), ...errorResponses } });

async function findTouchpoint(db: Db, workspaceId: string, touchpointId: string) {
  const row = await db.kysely.selectFrom("touchpoints").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", touchpointId).executeTakeFirst();
  if (!row) throw notFound("touchpoint");
  return row;
}

/** The channel catalogue and touchpoints of a workspace. */
export function registerTouchpointRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listChannels, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    const rows = await db.kysely.selectFrom("channels").selectAll().where("workspace_id", "=", workspaceId).orderBy("built_in", "desc").orderBy("name").execute();
    return c.json(rows.map((r) => ChannelSchema.parse({ id: r.id, key: r.key, name: r.name, online: r.online === 1, icon: r.icon, builtIn: r.built_in === 1 })), 200);
  });

  app.openapi(createChannel, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    const id = newId("ch_");
    await db.kysely.insertInto("channels").values({ id, workspace_id: workspaceId, key: id, name: body.name, online: body.online ? 1 : 0, icon: body.icon, built_in: 0 }).execute();
    return c.json(ChannelSchema.parse({ id, key: id, name: body.name, online: body.online, icon: body.icon, builtIn: false }), 201);
  });

  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    const rows = await db.kysely.selectFrom("touchpoints").selectAll().where("workspace_id", "=", workspaceId).orderBy("name").execute();
    return c.json(rows.map(touchpointOf), 200);
  });

  app.openapi(create, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    return c.json(await createTouchpoint(db, workspaceId, c.req.valid("json")), 201);
  });

  app.openapi(get, async (c) => {
    const { workspaceId, touchpointId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    return c.json(touchpointOf(await findTouchpoint(db, workspaceId, touchpointId)), 200);
  });

  app.openapi(patch, async (c) => {
    const { workspaceId, touchpointId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    await findTouchpoint(db, workspaceId, touchpointId);
    if (body.channelId) {
      const channel = await db.kysely.selectFrom("channels").select("id").where("workspace_id", "=", workspaceId).where("id", "=", body.channelId).executeTakeFirst();
      if (!channel) throw new ApiError(400, "invalid_request", `channelId: no channel "${body.channelId}" in this workspace`, [{ path: "channelId", message: "unknown channel" }]);
    }
    await db.kysely
      .updateTable("touchpoints")
      .set({ name: body.name, channel_id: body.channelId, description: body.description, medium: body.medium, owner_team: body.ownerTeam, updated_at: new Date().toISOString() })
      .where("id", "=", touchpointId)
      .execute();
    return c.json(touchpointOf(await findTouchpoint(db, workspaceId, touchpointId)), 200);
  });

  app.openapi(remove, async (c) => {
    const { workspaceId, touchpointId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    await findTouchpoint(db, workspaceId, touchpointId);
    await db.kysely.deleteFrom("touchpoints").where("id", "=", touchpointId).execute();
    return c.json({ ok: true as const }, 200);
  });
}
