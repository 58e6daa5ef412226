import { buildMapFromTemplate } from "@opencjm/core";
import type { AuthorizationCase } from "../../testing/authorizationCase.js";
import type { TestWorkspace } from "../../testing/factories.js";
import type { TestApp } from "../../testing/testApp.js";

const W = "/api/workspaces";

/** A fresh map of the workspace with a named version, and the path of its history. */
async function freshHistory(t: TestApp, ws: TestWorkspace) {
  const map = await t.services.maps.create({
    workspaceId: ws.id,
    createdBy: ws.users.owner.id,
    snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
  });
  const version = await t.services.maps.history.checkpoint(map.id, { name: "Matrix", createdBy: ws.users.owner.id });
  return { base: `${W}/${ws.id}/maps/${map.id}/versions`, versionId: version!.id };
}

/** Version history in the authorisation matrix: reading the history needs `read`, naming and restoring `write`. */
export const historyAuthorizationCases: Record<string, AuthorizationCase> = {
  "get /api/workspaces/{workspaceId}/maps/{mapId}/versions": {
    permission: "read",
    build: async (t, ws) => ({ path: (await freshHistory(t, ws)).base }),
  },
  "post /api/workspaces/{workspaceId}/maps/{mapId}/versions": {
    permission: "write",
    build: async (t, ws) => ({ path: (await freshHistory(t, ws)).base, body: { name: "Before the workshop" } }),
  },
  "get /api/workspaces/{workspaceId}/maps/{mapId}/versions/{versionId}": {
    permission: "read",
    build: async (t, ws) => {
      const { base, versionId } = await freshHistory(t, ws);
      return { path: `${base}/${versionId}` };
    },
  },
  "get /api/workspaces/{workspaceId}/maps/{mapId}/versions/{versionId}/diff": {
    permission: "read",
    build: async (t, ws) => {
      const { base, versionId } = await freshHistory(t, ws);
      return { path: `${base}/${versionId}/diff?with=current` };
    },
  },
  "post /api/workspaces/{workspaceId}/maps/{mapId}/versions/{versionId}/restore": {
    permission: "write",
    build: async (t, ws) => {
      const { base, versionId } = await freshHistory(t, ws);
      return { path: `${base}/${versionId}/restore` };
    },
  },
};
