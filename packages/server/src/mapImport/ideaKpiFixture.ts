import { applyMapOperations, buildMapFromTemplate, type IdeaEffect } from "@opencjm/core";
import { expect } from "vitest";
import { saveIdeaEffect } from "../store/kpiStore.js";
import type { TestWorkspace } from "../testing/factories.js";
import type { TestApp } from "../testing/testApp.js";

/** What a map with ideas and KPIs holds, by id, for tests that send it somewhere and bring it back. */
export interface IdeaKpiMap {
  mapId: string;
  painPointId: string;
  stepId: string;
  ideaId: string;
  manualKpiId: string;
  dataKpiId: string;
}

/**
 * A map of the e-commerce template with a pain point, an idea answering it (scored, placed on the matrix, owned by the
 * viewer, shipped, measured, with a recorded effect), a KPI entered by hand with two values and a KPI computed from the data,
 * both on the pain point's step and the idea's KPIs.
 */
export async function buildIdeaKpiMap(t: TestApp, ws: TestWorkspace): Promise<IdeaKpiMap> {
  const as = { headers: ws.users.editor.headers };
  const W = `/api/workspaces/${ws.id}`;
  const map = await t.services.maps.create({
    workspaceId: ws.id,
    createdBy: ws.users.owner.id,
    snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
  });
  const snapshot = await t.services.maps.readSnapshot(map.id);
  const stepId = snapshot.steps[1]!.id;
  const laneId = snapshot.lanes.find((l) => l.type === "painPoints")!.id;
  const { result } = await t.services.maps.edit(
    map.id,
    (doc) =>
      applyMapOperations(doc, [
        { op: "addCard", laneId, stepId, card: { kind: "painPoint", text: "Shipping costs appear late", severity: 4 } },
      ]),
    "test",
  );
  const painPointId = result[0]!.id!;
  const post = async (path: string, body: unknown, status = 201) => {
    const res = await t.request("POST", `${W}${path}`, { ...as, body });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body as { id: string };
  };
  const stepAnchor = { kind: "step", mapId: map.id, stepId };
  const manual = await post("/kpis", {
    name: "Revenue per visit",
    anchor: stepAnchor,
    source: { kind: "manual" },
    unit: "€",
    target: 3.5,
    ownerId: ws.users.viewer.id,
  });
  await post(`/kpis/${manual.id}/values`, { date: "2026-10-01", value: 2.75, note: "September" });
  await post(`/kpis/${manual.id}/values`, { date: "2026-11-01", value: 3.25, note: "" });
  const data = await post("/kpis", {
    name: "Reach",
    anchor: stepAnchor,
    source: { kind: "data", measure: "reach" },
    direction: "higher",
  });
  const idea = await post("/ideas", {
    title: "Show shipping on the product page",
    description: "Costs up front",
    ownerId: ws.users.viewer.id,
    tags: ["checkout"],
    anchors: [{ mapId: map.id, cardId: painPointId }],
    steps: [{ mapId: map.id, stepId }],
    kpiIds: [manual.id, data.id],
    ice: { impact: 8, confidence: 7, ease: 5 },
  });
  const put = await t.request("PUT", `${W}/ideas/${idea.id}/matrix`, { ...as, body: { impact: 0.8, effort: 0.3 } });
  expect(put.status).toBe(200);
  for (const status of ["approved", "inProgress"]) await post(`/ideas/${idea.id}/status`, { status }, 200);
  await post(`/ideas/${idea.id}/status`, { status: "shipped", at: "2026-09-01T09:00:00Z" }, 200);
  await post(`/ideas/${idea.id}/status`, { status: "measured" }, 200);
  // The workspace has no customer data, so what moving it to measured recorded says "not enough data"; a recorded
  // effect with numbers shows better that files carry it whole.
  const effect: IdeaEffect = {
    ideaId: idea.id,
    shippedAt: "2026-09-01T09:00:00.000Z",
    trialDays: 28,
    ready: true,
    readyOn: "2026-09-29",
    kpis: [
      {
        kpiId: data.id,
        name: "Reach",
        measure: "reach",
        direction: "higher",
        before: { from: "2026-08-04", to: "2026-09-01", value: 120, sample: 120 },
        after: { from: "2026-09-01", to: "2026-09-29", value: 180, sample: 180 },
        change: 60,
        interval: [30, 90],
        pValue: 0.001,
        test: "poissonRate",
        verdict: "improved",
        problem: null,
      },
    ],
    caveats: [],
    caveatMessages: [],
    beforeDays: 28,
    afterDays: 28,
    dataFrom: null,
    dataTo: null,
    recordedAt: "2026-12-01T10:00:00.000Z",
  };
  await saveIdeaEffect(t.services.db, ws.id, effect);
  return { mapId: map.id, painPointId, stepId, ideaId: idea.id, manualKpiId: manual.id, dataKpiId: data.id };
}
