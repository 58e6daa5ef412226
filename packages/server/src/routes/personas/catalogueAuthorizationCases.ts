import { fresh, TINY_PNG } from "../../testing/authorizationFixtures.js";
import type { AuthorizationCase as Case } from "../../testing/authorizationCase.js";

const W = "/api/workspaces";

/** Personas (with photos), channels and touchpoints in the authorisation matrix. */
export const catalogueAuthorizationCases: Record<string, Case> = {
  "get /api/workspaces/{workspaceId}/personas": {
    permission: "read",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/personas` }),
  },
  "post /api/workspaces/{workspaceId}/personas": {
    permission: "write",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/personas`, body: { name: "New persona" } }),
  },
  "get /api/workspaces/{workspaceId}/personas/{personaId}": {
    permission: "read",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/personas/${(await fresh.persona(t, ws)).id}` }),
  },
  "patch /api/workspaces/{workspaceId}/personas/{personaId}": {
    permission: "write",
    build: async (t, ws) => ({
      path: `${W}/${ws.id}/personas/${(await fresh.persona(t, ws)).id}`,
      body: { quote: "Hi" },
    }),
  },
  "delete /api/workspaces/{workspaceId}/personas/{personaId}": {
    permission: "write",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/personas/${(await fresh.persona(t, ws)).id}` }),
  },
  "post /api/workspaces/{workspaceId}/personas/{personaId}/photo": {
    permission: "write",
    build: async (t, ws) => ({
      path: `${W}/${ws.id}/personas/${(await fresh.persona(t, ws)).id}/photo`,
      raw: { bytes: TINY_PNG, contentType: "image/png" },
    }),
  },
  "get /api/workspaces/{workspaceId}/personas/{personaId}/photo": {
    permission: "read",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/personas/${(await fresh.personaWithPhoto(t, ws)).id}/photo` }),
  },
  "delete /api/workspaces/{workspaceId}/personas/{personaId}/photo": {
    permission: "write",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/personas/${(await fresh.personaWithPhoto(t, ws)).id}/photo` }),
  },
  "get /api/workspaces/{workspaceId}/channels": {
    permission: "read",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/channels` }),
  },
  "post /api/workspaces/{workspaceId}/channels": {
    permission: "write",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/channels`, body: { name: "Kiosk", online: false } }),
  },
  "get /api/workspaces/{workspaceId}/touchpoints": {
    permission: "read",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/touchpoints` }),
  },
  "post /api/workspaces/{workspaceId}/touchpoints": {
    permission: "write",
    build: async (_t, ws) => ({
      path: `${W}/${ws.id}/touchpoints`,
      body: { name: "Pricing page", channelId: "website", medium: "digital" },
    }),
  },
  "get /api/workspaces/{workspaceId}/touchpoints/{touchpointId}": {
    permission: "read",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/touchpoints/${(await fresh.touchpoint(t, ws)).id}` }),
  },
  "patch /api/workspaces/{workspaceId}/touchpoints/{touchpointId}": {
    permission: "write",
    build: async (t, ws) => ({
      path: `${W}/${ws.id}/touchpoints/${(await fresh.touchpoint(t, ws)).id}`,
      body: { name: "Renamed" },
    }),
  },
  "delete /api/workspaces/{workspaceId}/touchpoints/{touchpointId}": {
    permission: "write",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/touchpoints/${(await fresh.touchpoint(t, ws)).id}` }),
  },
};
