import { newId } from "@opencjm/core";
import { fresh, freshRule, matrixCsv } from "../../testing/authorizationFixtures.js";
import type { AuthorizationCase as Case } from "../../testing/authorizationCase.js";

const W = "/api/workspaces";

/** Customer data in the authorisation matrix: touchpoint rules, metrics, segments, sources, imports, identities. */
export const customerDataAuthorizationCases: Record<string, Case> = {
  "get /api/workspaces/{workspaceId}/touchpoint-rules": {
    permission: "read",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/touchpoint-rules` }),
  },
  "post /api/workspaces/{workspaceId}/touchpoint-rules": {
    permission: "write",
    build: async (t, ws) => ({
      path: `${W}/${ws.id}/touchpoint-rules`,
      body: { touchpointId: (await fresh.touchpoint(t, ws)).id, eventNames: ["page_view"] },
    }),
  },
  "post /api/workspaces/{workspaceId}/touchpoint-rules/preview": {
    permission: "read",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/touchpoint-rules/preview`, body: { pattern: "page_*" } }),
  },
  "get /api/workspaces/{workspaceId}/touchpoint-rules/{ruleId}": {
    permission: "read",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/touchpoint-rules/${(await freshRule(t, ws)).id}` }),
  },
  "patch /api/workspaces/{workspaceId}/touchpoint-rules/{ruleId}": {
    permission: "write",
    build: async (t, ws) => ({
      path: `${W}/${ws.id}/touchpoint-rules/${(await freshRule(t, ws)).id}`,
      body: { channel: "web" },
    }),
  },
  "delete /api/workspaces/{workspaceId}/touchpoint-rules/{ruleId}": {
    permission: "write",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/touchpoint-rules/${(await freshRule(t, ws)).id}` }),
  },
  "post /api/workspaces/{workspaceId}/maps/{mapId}/metrics": {
    permission: "read",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/maps/${(await fresh.map(t, ws)).id}/metrics`, body: {} }),
  },
  "post /api/workspaces/{workspaceId}/maps/{mapId}/draft-from-data": {
    permission: "write",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/maps/${(await fresh.map(t, ws)).id}/draft-from-data`, body: {} }),
  },
  "post /api/workspaces/{workspaceId}/segments/size": {
    permission: "read",
    build: async (_t, ws) => ({
      path: `${W}/${ws.id}/segments/size`,
      body: { segment: { match: "all", conditions: [] } },
    }),
  },
  "get /api/workspaces/{workspaceId}/data/facets": {
    permission: "read",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/data/facets` }),
  },
  "get /api/workspaces/{workspaceId}/data/unmapped": {
    permission: "read",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/data/unmapped` }),
  },
  "get /api/workspaces/{workspaceId}/sources": {
    permission: "read",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/sources` }),
  },
  "post /api/workspaces/{workspaceId}/sources": {
    permission: "write",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/sources`, body: { name: `New source ${newId()}`, kind: "crm" } }),
  },
  "get /api/workspaces/{workspaceId}/sources/{sourceId}": {
    permission: "read",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/sources/${(await fresh.source(t, ws)).sourceId}` }),
  },
  "patch /api/workspaces/{workspaceId}/sources/{sourceId}": {
    permission: "write",
    build: async (t, ws) => ({
      path: `${W}/${ws.id}/sources/${(await fresh.source(t, ws)).sourceId}`,
      body: { kind: "crm" },
    }),
  },
  "delete /api/workspaces/{workspaceId}/sources/{sourceId}": {
    permission: "write",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/sources/${(await fresh.source(t, ws)).sourceId}` }),
  },
  "post /api/workspaces/{workspaceId}/sources/preview": {
    permission: "write",
    build: async (_t, ws) => ({
      path: `${W}/${ws.id}/sources/preview?fileName=events.csv&complete=true`,
      body: matrixCsv(),
    }),
  },
  "post /api/workspaces/{workspaceId}/sources/{sourceId}/imports": {
    permission: "write",
    build: async (t, ws) => ({
      path: `${W}/${ws.id}/sources/${(await fresh.source(t, ws)).sourceId}/imports?fileName=events.csv&wait=true`,
      body: matrixCsv(),
    }),
  },
  "get /api/workspaces/{workspaceId}/imports": {
    permission: "read",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/imports` }),
  },
  "get /api/workspaces/{workspaceId}/imports/{importId}": {
    permission: "read",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/imports/${(await fresh.import(t, ws)).importId}` }),
  },
  "get /api/workspaces/{workspaceId}/imports/{importId}/events": {
    permission: "read",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/imports/${(await fresh.import(t, ws)).importId}/events` }),
  },
  "post /api/workspaces/{workspaceId}/imports/{importId}/cancel": {
    permission: "write",
    okStatus: 409,
    build: async (t, ws) => ({ path: `${W}/${ws.id}/imports/${(await fresh.import(t, ws)).importId}/cancel` }),
  },
  "get /api/workspaces/{workspaceId}/identities": {
    permission: "read",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/identities` }),
  },
  "get /api/workspaces/{workspaceId}/identities/lookup": {
    permission: "write",
    readTokenAllowed: true,
    build: async (t, ws) => ({
      path: `${W}/${ws.id}/identities/lookup?kind=email&value=${encodeURIComponent((await fresh.import(t, ws)).email)}`,
    }),
  },
  "get /api/workspaces/{workspaceId}/customers/{customerId}/merge-log": {
    permission: "write",
    readTokenAllowed: true,
    build: async (t, ws) => ({ path: `${W}/${ws.id}/customers/${(await fresh.import(t, ws)).customerId}/merge-log` }),
  },
};
