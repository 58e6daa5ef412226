import { buildMapFromTemplate } from "@opencjm/core";
import type { AuthorizationCase } from "../../testing/authorizationCase.js";
import type { TestWorkspace } from "../../testing/factories.js";
import type { TestApp } from "../../testing/testApp.js";

const W = "/api/workspaces";

/** A fresh map of the workspace with one entry in the activity log. */
async function freshMap(t: TestApp, ws: TestWorkspace) {
  const map = await t.services.maps.create({
    workspaceId: ws.id,
    createdBy: ws.users.owner.id,
    snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
  });
  await t.services.activity.record({
    workspaceId: ws.id,
    mapId: map.id,
    actorId: ws.users.owner.id,
    action: "map.created",
    data: { title: "Matrix" },
  });
  return map;
}

/** The activity log in the authorisation matrix: anyone who may read the workspace may read its activity. */
export const activityAuthorizationCases: Record<string, AuthorizationCase> = {
  "get /api/workspaces/{workspaceId}/activity": {
    permission: "read",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/activity?mapId=${(await freshMap(t, ws)).id}` }),
  },
  "get /api/workspaces/{workspaceId}/maps/{mapId}/activity": {
    permission: "read",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/maps/${(await freshMap(t, ws)).id}/activity` }),
  },
};
