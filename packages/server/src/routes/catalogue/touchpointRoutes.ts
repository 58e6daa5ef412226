import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import {
  ChannelSchema,
  IdSchema,
  TouchpointFieldsSchema,
  TouchpointPatchSchema,
  TouchpointSchema,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { createTouchpoint, touchpointOf, updateTouchpoint } from "../../commands/touchpointCreator.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { insertChannel, listChannels as listChannelsOf } from "../../store/channelStore.js";
import { deleteTouchpoint, getTouchpointRow, listTouchpointRows } from "../../store/touchpointStore.js";
import { errorResponses, jsonBody, jsonContent, OkSchema, WorkspaceParams } from "../openApiSchemas.js";

const TouchpointParams = WorkspaceParams.extend({ touchpointId: IdSchema });
const Touchpoint = TouchpointSchema;
const Channel = ChannelSchema;
const ChannelCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  online: z.boolean(),
  icon: z.string().max(60).default("circle"),
});
const tags = ["Channels and touchpoints"];
const base = "/api/workspaces/{workspaceId}";

const listChannels = createRoute({
  method: "get",
  path: `${base}/channels`,
  tags,
  summary: "The channel catalogue (built-in and custom)",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(z.array(Channel), "Channels"), ...errorResponses },
});
const createChannel = createRoute({
  method: "post",
  path: `${base}/channels`,
  tags,
  summary: "Add a custom channel",
  request: { params: WorkspaceParams, ...jsonBody(ChannelCreateSchema) },
  responses: { 201: jsonContent(Channel, "Created"), ...errorResponses },
});
const list = createRoute({
  method: "get",
  path: `${base}/touchpoints`,
  tags,
  summary: "Touchpoints of a workspace",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(z.array(Touchpoint), "Touchpoints"), ...errorResponses },
});
const create = createRoute({
  method: "post",
  path: `${base}/touchpoints`,
  tags,
  summary: "Create a touchpoint",
  request: { params: WorkspaceParams, ...jsonBody(TouchpointFieldsSchema) },
  responses: { 201: jsonContent(Touchpoint, "Created"), ...errorResponses },
});
const get = createRoute({
  method: "get",
  path: `${base}/touchpoints/{touchpointId}`,
  tags,
  summary: "One touchpoint",
  request: { params: TouchpointParams },
  responses: { 200: jsonContent(Touchpoint, "Touchpoint"), ...errorResponses },
});
const patch = createRoute({
  method: "patch",
  path: `${base}/touchpoints/{touchpointId}`,
  tags,
  summary: "Change a touchpoint",
  request: { params: TouchpointParams, ...jsonBody(TouchpointPatchSchema) },
  responses: { 200: jsonContent(Touchpoint, "Updated"), ...errorResponses },
});
const remove = createRoute({
  method: "delete",
  path: `${base}/touchpoints/{touchpointId}`,
  tags,
  summary: "Delete a touchpoint",
  request: { params: TouchpointParams },
  responses: { 200: jsonContent(OkSchema, "Deleted"), ...errorResponses },
});

/** The channel catalogue and touchpoints of a workspace. */
export function registerTouchpointRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listChannels, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    return c.json(await listChannelsOf(db, workspaceId), 200);
  });

  app.openapi(createChannel, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    return c.json(await insertChannel(db, workspaceId, body), 201);
  });

  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    return c.json((await listTouchpointRows(db, workspaceId)).map(touchpointOf), 200);
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
    return c.json(touchpointOf(await getTouchpointRow(db, workspaceId, touchpointId)), 200);
  });

  app.openapi(patch, async (c) => {
    const { workspaceId, touchpointId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    return c.json(await updateTouchpoint(db, workspaceId, touchpointId, body), 200);
  });

  app.openapi(remove, async (c) => {
    const { workspaceId, touchpointId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    await getTouchpointRow(db, workspaceId, touchpointId);
    await deleteTouchpoint(db, touchpointId);
    return c.json({ ok: true as const }, 200);
  });
}
