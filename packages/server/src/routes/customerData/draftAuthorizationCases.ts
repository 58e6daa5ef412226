import { buildMapFromTemplate } from "@opencjm/core";
import type { AuthorizationCase } from "../../testing/authorizationCase.js";

/**
 * The draft preview and case durations in the authorisation matrix: every member may see what the data would draft
 * (nothing is created) and how long journeys take.
 */
export const draftAuthorizationCases: Record<string, AuthorizationCase> = {
  "post /api/workspaces/{workspaceId}/maps/{mapId}/draft-from-data/preview": {
    permission: "read",
    build: async (t, ws) => {
      const snapshot = buildMapFromTemplate("ecommerce", { locale: "en" });
      const map = await t.services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot });
      return { path: `/api/workspaces/${ws.id}/maps/${map.id}/draft-from-data/preview`, body: {} };
    },
  },
  "post /api/workspaces/{workspaceId}/maps/{mapId}/case-durations": {
    permission: "read",
    build: async (t, ws) => {
      const snapshot = buildMapFromTemplate("ecommerce", { locale: "en" });
      const map = await t.services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot });
      return { path: `/api/workspaces/${ws.id}/maps/${map.id}/case-durations`, body: {} };
    },
  },
};
