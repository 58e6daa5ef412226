import { buildMapFromTemplate, ROLES, type Role } from "@opencjm/core";
import { createCommentThread } from "../../commands/commentWriter.js";
import type { AuthorizationCase } from "../../testing/authorizationCase.js";
import type { TestWorkspace } from "../../testing/factories.js";
import type { TestApp } from "../../testing/testApp.js";

const W = "/api/workspaces";

/** The person a matrix actor acts as: tokens are the editor's; anonymous callers write as nobody, so as the owner. */
function userOf(ws: TestWorkspace, actor: string): string {
  if ((ROLES as readonly string[]).includes(actor)) return ws.users[actor as Role].id;
  if (actor === "outsider") return ws.outsider.id;
  if (actor === "anonymous") return ws.users.owner.id;
  return ws.users.editor.id;
}

/** A fresh map of the workspace with a thread on the map whose one comment is `author`'s. */
async function freshThread(t: TestApp, ws: TestWorkspace, author: string) {
  const map = await t.services.maps.create({
    workspaceId: ws.id,
    createdBy: ws.users.owner.id,
    snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
  });
  const thread = await createCommentThread(
    t.services,
    { workspaceId: ws.id, mapId: map.id, userId: author },
    { anchor: { kind: "map" }, text: "Matrix comment", mentions: [] },
  );
  return { base: `${W}/${ws.id}/maps/${map.id}/comment-threads`, thread, commentId: thread.comments[0]!.id };
}

/**
 * Comment threads in the authorisation matrix: reading needs `read`, writing `comment`. Editing and deleting act on
 * the caller's own comment here (someone else's is refused even with the permission: commentThreads.integration.test.ts).
 */
export const commentsAuthorizationCases: Record<string, AuthorizationCase> = {
  "get /api/workspaces/{workspaceId}/maps/{mapId}/comment-threads": {
    permission: "read",
    build: async (t, ws) => ({ path: (await freshThread(t, ws, ws.users.owner.id)).base }),
  },
  "post /api/workspaces/{workspaceId}/maps/{mapId}/comment-threads": {
    permission: "comment",
    build: async (t, ws) => ({
      path: (await freshThread(t, ws, ws.users.owner.id)).base,
      body: { anchor: { kind: "map" }, text: "A new thread", mentions: [ws.users.viewer.id] },
    }),
  },
  "get /api/workspaces/{workspaceId}/maps/{mapId}/comment-threads/{threadId}": {
    permission: "read",
    build: async (t, ws) => {
      const { base, thread } = await freshThread(t, ws, ws.users.owner.id);
      return { path: `${base}/${thread.id}` };
    },
  },
  "patch /api/workspaces/{workspaceId}/maps/{mapId}/comment-threads/{threadId}": {
    permission: "comment",
    build: async (t, ws) => {
      const { base, thread } = await freshThread(t, ws, ws.users.owner.id);
      return { path: `${base}/${thread.id}`, body: { resolved: true } };
    },
  },
  "post /api/workspaces/{workspaceId}/maps/{mapId}/comment-threads/{threadId}/comments": {
    permission: "comment",
    build: async (t, ws) => {
      const { base, thread } = await freshThread(t, ws, ws.users.owner.id);
      return { path: `${base}/${thread.id}/comments`, body: { text: "A reply" } };
    },
  },
  "patch /api/workspaces/{workspaceId}/maps/{mapId}/comment-threads/{threadId}/comments/{commentId}": {
    permission: "comment",
    build: async (t, ws, actor) => {
      const { base, thread, commentId } = await freshThread(t, ws, userOf(ws, actor));
      return { path: `${base}/${thread.id}/comments/${commentId}`, body: { text: "Edited" } };
    },
  },
  "delete /api/workspaces/{workspaceId}/maps/{mapId}/comment-threads/{threadId}/comments/{commentId}": {
    permission: "comment",
    build: async (t, ws, actor) => {
      const { base, thread, commentId } = await freshThread(t, ws, userOf(ws, actor));
      return { path: `${base}/${thread.id}/comments/${commentId}` };
    },
  },
};
