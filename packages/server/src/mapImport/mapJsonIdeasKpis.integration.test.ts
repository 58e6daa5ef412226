import { IdeaEffectSchema, IdeaSchema, KpiSchema, type Idea, type Kpi } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { createTestApp, type TestApp } from "../testing/testApp.js";
import { testDialects } from "../testing/testDatabases.js";
import { buildIdeaKpiMap, type IdeaKpiMap } from "./ideaKpiFixture.js";

describe.each(testDialects)("a map's ideas and KPIs in its JSON file on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let fixture: IdeaKpiMap;
  const W = () => `/api/workspaces/${ws.id}`;
  const as = () => ({ headers: ws.users.editor.headers });
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    fixture = await buildIdeaKpiMap(t, ws);
  });
  afterEach(() => t.dispose());

  const exportJson = async () => {
    const res = await t.request("GET", `${W()}/maps/${fixture.mapId}/export?format=json`, as());
    expect(res.status).toBe(200);
    return res.body;
  };
  const importJson = async (file: unknown) => {
    const res = await t.request("POST", `${W()}/maps/import`, {
      ...as(),
      body: { name: "map.json", content: JSON.stringify(file), encoding: "text" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { mapId: string; preview: { report: { dropped: Array<{ path: string }> } } };
  };
  const ideasOn = async (mapId: string) =>
    ((await t.request("GET", `${W()}/ideas?mapId=${mapId}`, as())).body as unknown as Idea[]).map((i) =>
      IdeaSchema.parse(i),
    );
  const kpisOn = async (mapId: string) =>
    ((await t.request("GET", `${W()}/kpis?mapId=${mapId}`, as())).body.kpis as Kpi[]).map((k) => KpiSchema.parse(k));

  it("is written as format 2 with the ideas (history, scores, owner by e-mail) and the KPIs (values by hand)", async () => {
    const file = await exportJson();
    expect(file.formatVersion).toBe(2);
    const ideas = file.ideas as Array<Record<string, unknown>>;
    expect(ideas).toHaveLength(1);
    expect(ideas[0]).toMatchObject({
      id: fixture.ideaId,
      title: "Show shipping on the product page",
      ownerEmail: ws.users.viewer.email,
      status: "measured",
      ice: { impact: 8, confidence: 7, ease: 5 },
      matrix: { impact: 0.8, effort: 0.3 },
      anchors: [{ mapId: fixture.mapId, cardId: fixture.painPointId, kind: "painPoint" }],
    });
    expect((ideas[0]!.history as Array<{ status: string }>).map((h) => h.status)).toEqual([
      "new",
      "approved",
      "inProgress",
      "shipped",
      "measured",
    ]);
    const kpis = file.kpis as Array<{ name: string; values: Array<{ date: string; value: number }> }>;
    expect(kpis.map((k) => k.name)).toEqual(["Revenue per visit", "Reach"]);
    expect(kpis[0]!.values.map((v) => [v.date, v.value])).toEqual([
      ["2026-10-01", 2.75],
      ["2026-11-01", 3.25],
    ]);
  });

  it("imported again, creates the ideas and KPIs anew, linked to the new map, its card and its KPIs", async () => {
    const imported = await importJson(await exportJson());
    expect(imported.mapId).not.toBe(fixture.mapId);
    const [idea, ...others] = await ideasOn(imported.mapId);
    expect(others).toEqual([]);
    expect(idea!.id).not.toBe(fixture.ideaId);
    expect(idea).toMatchObject({
      title: "Show shipping on the product page",
      status: "measured",
      ownerId: ws.users.viewer.id,
      shippedAt: "2026-09-01T09:00:00.000Z",
      iceScore: 280,
      anchors: [
        {
          mapId: imported.mapId,
          cardId: fixture.painPointId,
          stepId: fixture.stepId,
          label: "Shipping costs appear late",
          missing: false,
        },
      ],
      steps: [{ mapId: imported.mapId, stepId: fixture.stepId, missing: false }],
    });
    expect(idea!.history.map((h) => [h.status, h.byUserId])).toEqual(
      ["new", "approved", "inProgress", "shipped", "measured"].map((s) => [s, ws.users.editor.id]),
    );
    const kpis = await kpisOn(imported.mapId);
    expect(kpis.map((k) => [k.name, k.anchor, k.ownerId])).toEqual([
      ["Revenue per visit", { kind: "step", mapId: imported.mapId, stepId: fixture.stepId }, ws.users.viewer.id],
      ["Reach", { kind: "step", mapId: imported.mapId, stepId: fixture.stepId }, null],
    ]);
    expect(idea!.kpiIds).toEqual(kpis.map((k) => k.id));
    const values = await t.request("POST", `${W()}/kpis/${kpis[0]!.id}/series`, {
      ...as(),
      body: { bucket: "month", filters: { from: "2026-09-01", to: "2026-12-01" } },
    });
    expect((values.body.manualValues as Array<{ value: number }>).map((v) => v.value)).toEqual([2.75, 3.25]);
    const effect = await t.request("GET", `${W()}/ideas/${idea!.id}/kpi-effect`, as());
    expect(effect.status, JSON.stringify(effect.body)).toBe(200);
    expect(IdeaEffectSchema.parse(effect.body)).toMatchObject({
      ideaId: idea!.id,
      recordedAt: "2026-12-01T10:00:00.000Z",
      kpis: [{ kpiId: kpis[1]!.id, verdict: "improved" }],
    });
    // The original map keeps its own.
    expect((await ideasOn(fixture.mapId)).map((i) => i.id)).toEqual([fixture.ideaId]);
  });

  it("imported into another workspace, keeps the ideas and KPIs and leaves the owner empty when not a member", async () => {
    const file = await exportJson();
    const other = await buildWorkspace(t.services.db);
    const res = await t.request("POST", `/api/workspaces/${other.id}/maps/import`, {
      headers: other.users.editor.headers,
      body: { name: "map.json", content: JSON.stringify(file), encoding: "text" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const mapId = res.body.mapId as string;
    const ideas = (
      await t.request("GET", `/api/workspaces/${other.id}/ideas?mapId=${mapId}`, {
        headers: other.users.editor.headers,
      })
    ).body as unknown as Idea[];
    expect(ideas.map((i) => [i.title, i.ownerId, i.history.at(0)?.byUserId])).toEqual([
      ["Show shipping on the product page", null, null],
    ]);
  });

  it("reads a format 1 file (no ideas or KPIs) as before", async () => {
    const { ideas: _i, kpis: _k, ...rest } = await exportJson();
    const imported = await importJson({ ...rest, formatVersion: 1 });
    expect(imported.preview.report).toMatchObject({ fromVersion: "1", dropped: [] });
    expect(await ideasOn(imported.mapId)).toEqual([]);
    expect(await kpisOn(imported.mapId)).toEqual([]);
    expect(
      (await t.services.maps.readSnapshot(imported.mapId)).cells.flatMap((c) => c.cards.map((k) => k.id)),
    ).toContain(fixture.painPointId);
  });

  it("refuses a file whose idea has a score out of range, naming the field, and creates nothing", async () => {
    const file = await exportJson();
    const ideas = file.ideas as Array<Record<string, unknown>>;
    const bad = { ...file, ideas: [{ ...ideas[0], ice: { impact: 11, confidence: 7, ease: 5 } }] };
    const before = (await t.services.maps.list(ws.id)).length;
    const res = await t.request("POST", `${W()}/maps/import`, {
      ...as(),
      body: { name: "map.json", content: JSON.stringify(bad), encoding: "text" },
    });
    expect([res.status, res.body.error?.issues[0]?.path]).toEqual([400, "ideas[0].ice.impact"]);
    expect((await t.services.maps.list(ws.id)).length).toBe(before);
  });
});
