import { buildMapFromTemplate } from "@opencjm/core";
import type { AuthorizationCase } from "../../testing/authorizationCase.js";
import type { TestWorkspace } from "../../testing/factories.js";
import type { TestApp } from "../../testing/testApp.js";

const base = (ws: TestWorkspace) => `/api/workspaces/${ws.id}/drift`;

async function freshMapPath(t: TestApp, ws: TestWorkspace): Promise<string> {
  const snapshot = buildMapFromTemplate("ecommerce", { locale: "en" });
  const map = await t.services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot });
  return `/api/workspaces/${ws.id}/maps/${map.id}/drift`;
}

/**
 * Drift in the authorisation matrix: the digest, a map's flags and the thresholds are read by every member, changing
 * the thresholds needs `write`; the weekly e-mail is each member's own choice, made signed in.
 */
export const driftAuthorizationCases: Record<string, AuthorizationCase> = {
  "get /api/workspaces/{workspaceId}/drift": {
    permission: "read",
    build: async (_t, ws) => ({ path: base(ws) }),
  },
  "get /api/workspaces/{workspaceId}/maps/{mapId}/drift": {
    permission: "read",
    build: async (t, ws) => ({ path: await freshMapPath(t, ws) }),
  },
  "get /api/workspaces/{workspaceId}/drift/settings": {
    permission: "read",
    build: async (_t, ws) => ({ path: `${base(ws)}/settings` }),
  },
  "put /api/workspaces/{workspaceId}/drift/settings": {
    permission: "write",
    build: async (_t, ws) => ({ path: `${base(ws)}/settings`, body: { periodDays: 14 } }),
  },
  "get /api/workspaces/{workspaceId}/drift/subscription": {
    permission: "read",
    sessionOnly: true,
    build: async (_t, ws) => ({ path: `${base(ws)}/subscription` }),
  },
  "put /api/workspaces/{workspaceId}/drift/subscription": {
    permission: "read",
    sessionOnly: true,
    build: async (_t, ws) => ({ path: `${base(ws)}/subscription`, body: { weeklyEmail: true } }),
  },
};
