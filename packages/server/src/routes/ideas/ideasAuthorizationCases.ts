import { IdeaCreateSchema } from "@opencjm/core";
import { createIdea } from "../../commands/ideaCreator.js";
import type { AuthorizationCase } from "../../testing/authorizationCase.js";
import type { TestWorkspace } from "../../testing/factories.js";
import type { TestApp } from "../../testing/testApp.js";

const base = (ws: TestWorkspace) => `/api/workspaces/${ws.id}/ideas`;

/** A fresh idea of the workspace, status new, by its owner; returns its path. */
async function freshIdea(t: TestApp, ws: TestWorkspace): Promise<string> {
  const idea = await createIdea(t.services, ws.id, ws.users.owner.id, IdeaCreateSchema.parse({ title: "Matrix idea" }));
  return `${base(ws)}/${idea.id}`;
}

/** Ideas in the authorisation matrix: reading needs `read`, everything that changes an idea `write`, as for maps. */
export const ideasAuthorizationCases: Record<string, AuthorizationCase> = {
  "get /api/workspaces/{workspaceId}/ideas": {
    permission: "read",
    build: async (t, ws) => {
      await freshIdea(t, ws);
      return { path: `${base(ws)}?sort=ice` };
    },
  },
  "post /api/workspaces/{workspaceId}/ideas": {
    permission: "write",
    build: async (_t, ws) => ({ path: base(ws), body: { title: "A new idea", tags: ["matrix"] } }),
  },
  "get /api/workspaces/{workspaceId}/ideas/{ideaId}": {
    permission: "read",
    build: async (t, ws) => ({ path: await freshIdea(t, ws) }),
  },
  "patch /api/workspaces/{workspaceId}/ideas/{ideaId}": {
    permission: "write",
    build: async (t, ws) => ({ path: await freshIdea(t, ws), body: { ice: { impact: 5, confidence: 5, ease: 5 } } }),
  },
  "delete /api/workspaces/{workspaceId}/ideas/{ideaId}": {
    permission: "write",
    build: async (t, ws) => ({ path: await freshIdea(t, ws) }),
  },
  "post /api/workspaces/{workspaceId}/ideas/{ideaId}/status": {
    permission: "write",
    build: async (t, ws) => ({ path: `${await freshIdea(t, ws)}/status`, body: { status: "approved" } }),
  },
  "put /api/workspaces/{workspaceId}/ideas/{ideaId}/matrix": {
    permission: "write",
    build: async (t, ws) => ({ path: `${await freshIdea(t, ws)}/matrix`, body: { impact: 0.8, effort: 0.2 } }),
  },
  "get /api/workspaces/{workspaceId}/ideas/{ideaId}/evidence": {
    permission: "read",
    build: async (t, ws) => ({ path: `${await freshIdea(t, ws)}/evidence` }),
  },
};
