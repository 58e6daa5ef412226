import { buildMapFromTemplate, IdeaCreateSchema, KpiCreateSchema } from "@opencjm/core";
import { createIdea } from "../../commands/ideaCreator.js";
import { createKpi } from "../../commands/kpiDefiner.js";
import { insertKpiValue } from "../../store/kpiStore.js";
import type { AuthorizationCase } from "../../testing/authorizationCase.js";
import type { TestWorkspace } from "../../testing/factories.js";
import type { TestApp } from "../../testing/testApp.js";

const base = (ws: TestWorkspace) => `/api/workspaces/${ws.id}/kpis`;

async function freshMap(t: TestApp, ws: TestWorkspace) {
  const snapshot = buildMapFromTemplate("ecommerce", { locale: "en" });
  const map = await t.services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot });
  return { mapId: map.id, stepId: snapshot.steps[0]!.id };
}

/** A fresh KPI entered by hand on a step of a fresh map; returns its path. */
async function freshKpi(t: TestApp, ws: TestWorkspace): Promise<string> {
  const { mapId, stepId } = await freshMap(t, ws);
  const kpi = await createKpi(
    t.services,
    ws.id,
    ws.users.owner.id,
    KpiCreateSchema.parse({ name: "Matrix KPI", anchor: { kind: "step", mapId, stepId }, source: { kind: "manual" } }),
  );
  return `${base(ws)}/${kpi.id}`;
}

async function freshIdeaPath(t: TestApp, ws: TestWorkspace): Promise<string> {
  const idea = await createIdea(t.services, ws.id, ws.users.owner.id, IdeaCreateSchema.parse({ title: "Matrix idea" }));
  return `/api/workspaces/${ws.id}/ideas/${idea.id}/kpi-effect`;
}

/** KPIs in the authorisation matrix: reading and series need `read`, defining, changing and entering values `write`. */
export const kpisAuthorizationCases: Record<string, AuthorizationCase> = {
  "get /api/workspaces/{workspaceId}/kpis": {
    permission: "read",
    build: async (t, ws) => {
      await freshKpi(t, ws);
      return { path: base(ws) };
    },
  },
  "post /api/workspaces/{workspaceId}/kpis": {
    permission: "write",
    build: async (t, ws) => {
      const { mapId, stepId } = await freshMap(t, ws);
      return {
        path: base(ws),
        body: { name: "Reach", anchor: { kind: "step", mapId, stepId }, source: { kind: "data", measure: "reach" } },
      };
    },
  },
  "get /api/workspaces/{workspaceId}/kpis/{kpiId}": {
    permission: "read",
    build: async (t, ws) => ({ path: await freshKpi(t, ws) }),
  },
  "patch /api/workspaces/{workspaceId}/kpis/{kpiId}": {
    permission: "write",
    build: async (t, ws) => ({ path: await freshKpi(t, ws), body: { target: 10 } }),
  },
  "delete /api/workspaces/{workspaceId}/kpis/{kpiId}": {
    permission: "write",
    build: async (t, ws) => ({ path: await freshKpi(t, ws) }),
  },
  "post /api/workspaces/{workspaceId}/kpis/{kpiId}/values": {
    permission: "write",
    build: async (t, ws) => ({ path: `${await freshKpi(t, ws)}/values`, body: { date: "2024-05-01", value: 3 } }),
  },
  "delete /api/workspaces/{workspaceId}/kpis/{kpiId}/values/{valueId}": {
    permission: "write",
    build: async (t, ws) => {
      const path = await freshKpi(t, ws);
      const value = await insertKpiValue(t.services.db, path.split("/").at(-1)!, ws.users.owner.id, {
        date: "2024-05-01",
        value: 1,
        note: "",
      });
      return { path: `${path}/values/${value.id}` };
    },
  },
  "post /api/workspaces/{workspaceId}/kpis/{kpiId}/series": {
    permission: "read",
    build: async (t, ws) => ({ path: `${await freshKpi(t, ws)}/series`, body: { bucket: "month" } }),
  },
  "post /api/workspaces/{workspaceId}/maps/{mapId}/kpi-series": {
    permission: "read",
    build: async (t, ws) => {
      const { mapId } = await freshMap(t, ws);
      return { path: `/api/workspaces/${ws.id}/maps/${mapId}/kpi-series`, body: { bucket: "week" } };
    },
  },
  "get /api/workspaces/{workspaceId}/ideas/{ideaId}/kpi-effect": {
    permission: "read",
    build: async (t, ws) => ({ path: await freshIdeaPath(t, ws) }),
  },
  "post /api/workspaces/{workspaceId}/ideas/{ideaId}/kpi-effect": {
    permission: "write",
    // A new idea has not shipped, so an allowed caller is told so (409); the others never get that far.
    okStatus: 409,
    build: async (t, ws) => ({ path: await freshIdeaPath(t, ws) }),
  },
};
