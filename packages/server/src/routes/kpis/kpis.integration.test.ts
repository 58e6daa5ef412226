import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPersona } from "../../commands/personaCreator.js";
import type { TestWorkspace } from "../../testing/factories.js";
import type { TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";
import { openShop, SHIP, type Shop } from "./kpiShopFixture.js";

describe.each(testDialects)("KPIs on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  let tp: Shop["tp"];
  const K = () => `/api/workspaces/${ws.id}/kpis`;
  const as = (role: "editor" | "viewer" = "editor") => ({ headers: ws.users[role].headers });

  beforeEach(async () => {
    ({ t, ws, mapId, tp } = await openShop(dialect));
  });
  afterEach(() => t.dispose());

  const define = async (body: Record<string, unknown>) => {
    const res = await t.request("POST", K(), { ...as(), body: { name: "KPI", ...body } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };
  const stepAnchor = (stepId: string) => ({ kind: "step", mapId, stepId });

  it("defines, lists per map, changes and deletes KPIs; another workspace's KPI is not found", async () => {
    const conversion = await define({
      name: "Ad to pricing",
      anchor: stepAnchor("p_ad"),
      source: { kind: "data", measure: "conversion" },
      unit: "%",
      target: 0.5,
      ownerId: ws.users.viewer.id,
    });
    const manual = await define({ name: "Revenue", anchor: { kind: "workspace" }, source: { kind: "manual" } });
    const onMap = await t.request("GET", `${K()}?mapId=${mapId}`, as("viewer"));
    expect((onMap.body.kpis as Array<{ id: string }>).map((k) => k.id)).toEqual([conversion.id]);
    const onWorkspace = await t.request("GET", `${K()}?mapId=workspace`, as("viewer"));
    expect((onWorkspace.body.kpis as Array<{ id: string }>).map((k) => k.id)).toEqual([manual.id]);

    const changed = await t.request("PATCH", `${K()}/${conversion.id}`, {
      ...as(),
      body: { target: 0.55, direction: "higher", name: "Ad → pricing" },
    });
    expect(changed.body).toMatchObject({ name: "Ad → pricing", target: 0.55, ownerId: ws.users.viewer.id });

    const outsider = { headers: ws.outsider.headers };
    const otherWs = (await t.request("GET", "/api/workspaces", outsider)).body as unknown as Array<{ id: string }>;
    const foreign = await t.request("GET", `/api/workspaces/${otherWs[0]!.id}/kpis/${conversion.id}`, outsider);
    expect(foreign.status).toBe(404);

    expect((await t.request("DELETE", `${K()}/${conversion.id}`, as())).status).toBe(200);
    expect((await t.request("GET", `${K()}/${conversion.id}`, as())).status).toBe(404);
  });

  it("refuses hostile definitions and series naming the field, and stores nothing", async () => {
    const refusals: Array<[Record<string, unknown>, string, string]> = [
      [
        { anchor: stepAnchor("p_ad"), source: { kind: "data", measure: "conversion", toStepId: "p_ad" } },
        "kpi_same_step",
        "source.toStepId",
      ],
      [
        { anchor: stepAnchor("p_gone"), source: { kind: "data", measure: "reach" } },
        "kpi_unknown_step",
        "anchor.stepId",
      ],
      [
        { anchor: stepAnchor("p_ad"), source: { kind: "data", measure: "conversion", toStepId: "p_x" } },
        "kpi_unknown_step",
        "source.toStepId",
      ],
      [
        { anchor: stepAnchor("p_buy"), source: { kind: "data", measure: "dropOff" } },
        "kpi_no_next_step",
        "source.toStepId",
      ],
      [
        { anchor: { kind: "workspace" }, source: { kind: "data", measure: "reach" } },
        "kpi_data_needs_map",
        "source.kind",
      ],
      [
        { anchor: { kind: "touchpoint", mapId, touchpointId: tp.ad }, source: { kind: "data", measure: "nps" } },
        "kpi_measure_not_available",
        "source.measure",
      ],
      [
        { anchor: stepAnchor("p_ad"), source: { kind: "manual" }, ownerId: ws.outsider.id },
        "invalid_request",
        "ownerId",
      ],
    ];
    for (const [body, code, path] of refusals) {
      const res = await t.request("POST", K(), { ...as(), body: { name: "Bad", ...body } });
      expect([res.status, res.body.error?.code, res.body.error?.issues[0]?.path]).toEqual([400, code, path]);
    }
    expect((await t.request("GET", K(), as())).body.kpis).toEqual([]);

    const reach = await define({ anchor: stepAnchor("p_ad"), source: { kind: "data", measure: "reach" } });
    const series = (body: unknown) => t.request("POST", `${K()}/${reach.id}/series`, { ...as("viewer"), body });
    const absurd = await series({ bucket: "day", filters: { from: "0001-01-01", to: "9999-12-31" } });
    expect([absurd.status, absurd.body.error?.code]).toEqual([400, "too_many_buckets"]);
    expect(absurd.body.error?.message).toMatch(/at most 400/);
    const backwards = await series({ bucket: "week", filters: { from: "2024-03-01", to: "2024-02-01" } });
    expect([backwards.status, backwards.body.error?.code]).toEqual([400, "invalid_date_range"]);
    const badBucket = await series({ bucket: "hour" });
    expect([badBucket.status, badBucket.body.error?.issues[0]?.path]).toEqual([400, "bucket"]);
  });

  it("computes a step's reach per day and per week, and buckets values entered by hand", async () => {
    const reach = await define({ anchor: stepAnchor("p_ad"), source: { kind: "data", measure: "reach" } });
    const daily = await t.request("POST", `${K()}/${reach.id}/series`, {
      ...as("viewer"),
      body: { bucket: "day", filters: { from: "2024-02-02", to: "2024-02-05" } },
    });
    expect(daily.status, JSON.stringify(daily.body)).toBe(200);
    expect((daily.body.points as Array<{ value: number }>).map((p) => p.value)).toEqual([12, 12, 12]);
    const weekly = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/kpi-series`, {
      ...as("viewer"),
      body: { bucket: "week", filters: { from: "2024-02-05", to: "2024-02-19", channels: ["web"] } },
    });
    const [lane] = weekly.body.series as Array<{ points: Array<{ start: string; value: number }> }>;
    expect(lane!.points).toEqual([
      expect.objectContaining({ start: "2024-02-05T00:00:00.000Z", value: 84 }),
      expect.objectContaining({ start: "2024-02-12T00:00:00.000Z", value: 84 }),
    ]);

    const manual = await define({ name: "NPS survey", anchor: { kind: "workspace" }, source: { kind: "manual" } });
    for (const [date, value] of [
      ["2024-01-03", 30],
      ["2024-01-20", 35],
      ["2024-01-25", 38],
    ] as const)
      expect((await t.request("POST", `${K()}/${manual.id}/values`, { ...as(), body: { date, value } })).status).toBe(
        201,
      );
    const months = await t.request("POST", `${K()}/${manual.id}/series`, {
      ...as("viewer"),
      body: { bucket: "month", filters: { from: "2024-01-01", to: "2024-03-01" } },
    });
    expect(months.body.points).toEqual([
      expect.objectContaining({ value: 38, sample: 3 }),
      expect.objectContaining({ value: null, sample: 0 }),
    ]);
    expect((months.body.manualValues as unknown[]).length).toBe(3);
  });

  it("follows the persona filter: a persona's segment narrows a KPI's series and the map's lane", async () => {
    const reach = await define({ anchor: stepAnchor("p_ad"), source: { kind: "data", measure: "reach" } });
    const germans = await createPersona(t.services.db, ws.id, {
      name: "German shoppers",
      segment: { match: "all", conditions: [{ attribute: "country", operator: "eq", value: "DE" }] },
    });
    const days = { bucket: "day", filters: { from: "2024-02-02", to: "2024-02-05" } };
    const values = (res: { body: Record<string, unknown> }) =>
      (res.body.points as Array<{ value: number }>).map((p) => p.value);
    const series = (body: unknown) => t.request("POST", `${K()}/${reach.id}/series`, { ...as("viewer"), body });
    expect(values(await series(days))).toEqual([12, 12, 12]);
    // Every fourth customer lives in Germany: 3 of the 12 a day.
    expect(values(await series({ ...days, personaId: germans.id }))).toEqual([3, 3, 3]);
    const lane = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/kpi-series`, {
      ...as("viewer"),
      body: { ...days, personaId: germans.id },
    });
    const [onLane] = lane.body.series as Array<{ points: Array<{ value: number }> }>;
    expect(onLane!.points.map((p) => p.value)).toEqual([3, 3, 3]);

    const anyone = await createPersona(t.services.db, ws.id, { name: "Anyone" });
    const noSegment = await series({ ...days, personaId: anyone.id });
    expect([noSegment.status, noSegment.body.error?.code]).toEqual([400, "persona_without_segment"]);
    const unknown = await series({ ...days, personaId: "persona_nope" });
    expect([unknown.status, unknown.body.error?.issues[0]?.path]).toEqual([400, "personaId"]);
  });

  it("finds the effect a shipped idea had, and says so only where there is one", async () => {
    const conversion = await define({ anchor: stepAnchor("p_ad"), source: { kind: "data", measure: "conversion" } });
    const buying = await define({ anchor: stepAnchor("p_pricing"), source: { kind: "data", measure: "conversion" } });
    const time = await define({
      anchor: stepAnchor("p_pricing"),
      source: { kind: "data", measure: "medianTime" },
      direction: "lower",
    });
    const idea = await t.request("POST", `/api/workspaces/${ws.id}/ideas`, {
      ...as(),
      body: { title: "Show prices on the ad", kpiIds: [conversion.id, buying.id, time.id] },
    });
    const ideaId = (idea.body as { id: string }).id;
    const effectPath = `/api/workspaces/${ws.id}/ideas/${ideaId}/kpi-effect?trialDays=28`;
    const notShipped = await t.request("GET", effectPath, as("viewer"));
    expect(notShipped.body).toMatchObject({ shippedAt: null, ready: false });

    for (const status of ["approved", "inProgress"])
      await t.request("POST", `/api/workspaces/${ws.id}/ideas/${ideaId}/status`, { ...as(), body: { status } });
    await t.request("POST", `/api/workspaces/${ws.id}/ideas/${ideaId}/status`, {
      ...as(),
      body: { status: "shipped", at: SHIP },
    });
    const res = await t.request("GET", effectPath, as("viewer"));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ shippedAt: SHIP, ready: true, caveats: [] });
    const [up, same, faster] = res.body.kpis as Array<{
      verdict: string;
      change: number;
      interval: [number, number];
      before: { value: number; sample: number };
      after: { value: number; sample: number };
    }>;
    expect(up).toMatchObject({ verdict: "improved", before: { sample: 336 }, after: { sample: 336 } });
    // 30% of the customers before, 60% after (up to rounding of 336 customers into tens).
    expect(up!.before.value).toBeCloseTo(0.3, 1);
    expect(up!.after.value).toBeCloseTo(0.6, 1);
    // The interval covers the true change of 0.3 and excludes no change.
    expect(up!.interval[0]).toBeGreaterThan(0);
    expect(up!.interval[0]).toBeLessThan(0.3);
    expect(up!.interval[1]).toBeGreaterThan(0.3);
    expect(same!.verdict).toBe("noChange");
    expect(faster!.verdict).toBe("noChange");

    // Moving the idea to measured records the effect it was measured with.
    const measured = await t.request("POST", `/api/workspaces/${ws.id}/ideas/${ideaId}/status`, {
      ...as(),
      body: { status: "measured", trialDays: 28 },
    });
    expect([measured.status, measured.body.status]).toEqual([200, "measured"]);
    const recorded = await t.request("GET", effectPath, as("viewer"));
    expect(recorded.body).toMatchObject({ recordedAt: expect.any(String), kpis: [{ verdict: "improved" }, {}, {}] });
  });

  it("keeps a KPI whose step was deleted and says so in the lane, while the others are still computed", async () => {
    const kept = await define({ anchor: stepAnchor("p_ad"), source: { kind: "data", measure: "reach" } });
    const orphan = await define({ anchor: stepAnchor("p_pricing"), source: { kind: "data", measure: "conversion" } });
    const deleted = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/operations`, {
      ...as(),
      body: { operations: [{ op: "deleteStep", stepId: "p_pricing" }] },
    });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    const lane = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/kpi-series`, {
      ...as("viewer"),
      body: { bucket: "week", filters: { from: "2024-02-05", to: "2024-02-19" } },
    });
    const series = lane.body.series as Array<{ kpiId: string; points: unknown[]; problem: { code: string } | null }>;
    expect(series.find((s) => s.kpiId === kept.id)).toMatchObject({ problem: null, points: [{}, {}] });
    expect(series.find((s) => s.kpiId === orphan.id)).toMatchObject({
      problem: { code: "kpi_unknown_step" },
      points: [],
    });
  });

  it("says not enough data until the trial period has passed, and refuses to record it", async () => {
    const conversion = await define({ anchor: stepAnchor("p_ad"), source: { kind: "data", measure: "conversion" } });
    const idea = await t.request("POST", `/api/workspaces/${ws.id}/ideas`, {
      ...as(),
      body: { title: "Just shipped", kpiIds: [conversion.id] },
    });
    const ideaId = (idea.body as { id: string }).id;
    for (const status of ["approved", "inProgress", "shipped"])
      await t.request("POST", `/api/workspaces/${ws.id}/ideas/${ideaId}/status`, { ...as(), body: { status } });
    const path = `/api/workspaces/${ws.id}/ideas/${ideaId}/kpi-effect?trialDays=14`;
    const res = await t.request("GET", path, as("viewer"));
    expect(res.body).toMatchObject({ ready: false, kpis: [{ verdict: "notEnoughData" }] });
    const record = await t.request("POST", path, as());
    expect([record.status, record.body.error?.code]).toEqual([409, "trial_not_over"]);
    // Nor can it be called measured yet: the idea stays shipped.
    const early = await t.request("POST", `/api/workspaces/${ws.id}/ideas/${ideaId}/status`, {
      ...as(),
      body: { status: "measured", trialDays: 14 },
    });
    expect([early.status, early.body.error?.code]).toEqual([409, "trial_not_over"]);
    const after = await t.request("GET", `/api/workspaces/${ws.id}/ideas/${ideaId}`, as("viewer"));
    expect(after.body.status).toBe("shipped");
  });
});
