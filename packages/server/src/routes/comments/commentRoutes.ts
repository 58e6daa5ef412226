import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import {
  CommentBodySchema,
  CommentThreadCreateSchema,
  CommentThreadListQuerySchema,
  CommentThreadListSchema,
  CommentThreadSchema as CommentThreadContract,
  CommentThreadUpdateSchema,
  IdSchema,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { listCommentThreads, readCommentThread } from "../../commands/commentThreadReader.js";
import {
  createCommentThread,
  deleteComment,
  editComment,
  replyToCommentThread,
  resolveCommentThread,
} from "../../commands/commentWriter.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { errorResponses, jsonBody, jsonContent, named, OkSchema, WorkspaceParams } from "../openApiSchemas.js";

const CommentThreadSchema = named(CommentThreadContract, "CommentThread");
const MapParams = WorkspaceParams.extend({ mapId: IdSchema });
const ThreadParams = MapParams.extend({ threadId: IdSchema });
const CommentParams = ThreadParams.extend({ commentId: IdSchema });
const tags = ["Comments"];
const base = "/api/workspaces/{workspaceId}/maps/{mapId}/comment-threads";
const plainText =
  "Text is plain text, stored and returned as sent (never HTML). `mentions` are user ids of workspace members; " +
  "any other id is refused with 400 `mention_not_member` naming it, and nothing is stored.";

const list = createRoute({
  method: "get",
  path: base,
  tags,
  summary: "The map's comment threads with their comments",
  description:
    "Each thread says `onDeletedContent` when its card, step or cell is not on the map now (a restored version brings it back).",
  request: { params: MapParams, query: CommentThreadListQuerySchema },
  responses: { 200: jsonContent(named(CommentThreadListSchema, "CommentThreadList"), "Threads"), ...errorResponses },
});
const create = createRoute({
  method: "post",
  path: base,
  tags,
  summary: "Start a thread on the map, a card, a step or a cell (commenters and up)",
  description: `${plainText} The anchor must be on the map now (400 \`anchor_not_found\`).`,
  request: { params: MapParams, ...jsonBody(CommentThreadCreateSchema) },
  responses: { 201: jsonContent(CommentThreadSchema, "Created"), ...errorResponses },
});
const read = createRoute({
  method: "get",
  path: `${base}/{threadId}`,
  tags,
  summary: "One comment thread with its comments",
  request: { params: ThreadParams },
  responses: { 200: jsonContent(CommentThreadSchema, "Thread"), ...errorResponses },
});
const update = createRoute({
  method: "patch",
  path: `${base}/{threadId}`,
  tags,
  summary: "Resolve or reopen a thread (commenters and up)",
  request: { params: ThreadParams, ...jsonBody(CommentThreadUpdateSchema) },
  responses: { 200: jsonContent(CommentThreadSchema, "Updated"), ...errorResponses },
});
const reply = createRoute({
  method: "post",
  path: `${base}/{threadId}/comments`,
  tags,
  summary: "Reply to a thread (commenters and up)",
  description: plainText,
  request: { params: ThreadParams, ...jsonBody(CommentBodySchema) },
  responses: { 201: jsonContent(CommentThreadSchema, "The thread with the reply"), ...errorResponses },
});
const edit = createRoute({
  method: "patch",
  path: `${base}/{threadId}/comments/{commentId}`,
  tags,
  summary: "Edit your own comment",
  description: plainText,
  request: { params: CommentParams, ...jsonBody(CommentBodySchema) },
  responses: { 200: jsonContent(CommentThreadSchema, "The thread with the edited comment"), ...errorResponses },
});
const remove = createRoute({
  method: "delete",
  path: `${base}/{threadId}/comments/{commentId}`,
  tags,
  summary: "Delete your own comment (owners may delete any); the thread goes with its last comment",
  request: { params: CommentParams },
  responses: { 200: jsonContent(OkSchema, "Deleted"), ...errorResponses },
});

/** Comment threads on maps: everyone who may read the map reads them; commenters and up write them. */
export function registerCommentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json({ threads: await listCommentThreads(services, workspaceId, mapId, c.req.valid("query")) }, 200);
  });

  app.openapi(create, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "comment");
    const thread = await createCommentThread(
      services,
      { workspaceId, mapId, userId: caller.userId },
      c.req.valid("json"),
    );
    return c.json(thread, 201);
  });

  app.openapi(read, async (c) => {
    const { workspaceId, mapId, threadId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await readCommentThread(services, workspaceId, mapId, threadId), 200);
  });

  app.openapi(update, async (c) => {
    const { workspaceId, mapId, threadId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "comment");
    const scope = { workspaceId, mapId, userId: caller.userId };
    return c.json(await resolveCommentThread(services, scope, threadId, c.req.valid("json").resolved), 200);
  });

  app.openapi(reply, async (c) => {
    const { workspaceId, mapId, threadId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "comment");
    const scope = { workspaceId, mapId, userId: caller.userId };
    return c.json(await replyToCommentThread(services, scope, threadId, c.req.valid("json")), 201);
  });

  app.openapi(edit, async (c) => {
    const { workspaceId, mapId, threadId, commentId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "comment");
    const scope = { workspaceId, mapId, userId: caller.userId };
    return c.json(await editComment(services, scope, threadId, commentId, c.req.valid("json")), 200);
  });

  app.openapi(remove, async (c) => {
    const { workspaceId, mapId, threadId, commentId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    const role = await requireWorkspacePermission(services.db, caller, workspaceId, "comment");
    await deleteComment(services, { workspaceId, mapId, userId: caller.userId, role }, threadId, commentId);
    return c.json({ ok: true as const }, 200);
  });
}
