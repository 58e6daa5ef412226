import { DriftDigestSchema, MapDriftSchema } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDriftingShop, DRIFTING_SHOP_START as START } from "../../testing/driftingShop.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(testDialects)("drift on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  const D = () => `/api/workspaces/${ws.id}/drift`;
  const as = (role: "owner" | "editor" | "viewer") => ({ headers: ws.users[role].headers });

  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    mapId = await buildDriftingShop(t, ws);
  });
  afterEach(() => t.dispose());

  it("flags the step whose conversion doubled, on the map and in the workspace digest, with both periods' numbers", async () => {
    const put = await t.request("PUT", `${D()}/settings`, { ...as("editor"), body: { settleDays: 0 } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ periodDays: 28, settleDays: 0, conversionPoints: 0.05 });

    const res = await t.request("GET", `/api/workspaces/${ws.id}/maps/${mapId}/drift`, as("viewer"));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const drift = MapDriftSchema.parse(res.body);
    // The data ends on day 56: the later period is its last 28 days.
    expect(drift.after).toEqual({ from: iso(START + 28 * DAY), to: iso(START + 56 * DAY) });
    const ad = drift.steps.find((s) => s.stepId === "p_ad")!.measures.find((m) => m.measure === "conversion")!;
    expect(ad).toMatchObject({ flagged: true, better: true, before: { value: 102 / 336, sample: 336 } });
    expect(ad.after).toEqual({ value: 200 / 336, sample: 336 });
    expect(ad.interval![0]).toBeGreaterThan(0);
    // Half of those on the pricing page buy in both periods: no drift there.
    const pricing = drift.steps
      .find((s) => s.stepId === "p_pricing")!
      .measures.find((m) => m.measure === "conversion")!;
    expect(pricing.flagged).toBe(false);

    const digest = DriftDigestSchema.parse((await t.request("GET", D(), as("viewer"))).body);
    expect(digest.maps).toHaveLength(1);
    expect(digest.maps[0]!.title).toBe("Shop");
    expect(digest.maps[0]!.steps.map((s) => [s.stepId, s.measures.map((m) => m.measure)])).toEqual([
      ["p_ad", ["conversion"]],
    ]);
  });

  it("does not flag a move that stands on fewer customers than the workspace's minimum sample", async () => {
    await t.request("PUT", `${D()}/settings`, { ...as("owner"), body: { settleDays: 0, minSample: 400 } });
    const digest = DriftDigestSchema.parse((await t.request("GET", D(), as("editor"))).body);
    expect(digest.maps).toEqual([]);
    expect(digest.settings.minSample).toBe(400);
  });

  it("refuses thresholds out of range naming the field, and keeps the ones it had", async () => {
    await t.request("PUT", `${D()}/settings`, { ...as("editor"), body: { periodDays: 14 } });
    for (const body of [{ periodDays: 1000 }, { conversionPoints: -1 }, { minSample: "many" }, { surprise: 1 }]) {
      const res = await t.request("PUT", `${D()}/settings`, { ...as("editor"), body });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(new RegExp(Object.keys(body)[0]!));
    }
    expect((await t.request("GET", `${D()}/settings`, as("viewer"))).body).toMatchObject({ periodDays: 14 });
  });

  it("lets each member turn the weekly digest e-mail on and off for themselves only", async () => {
    const sub = `${D()}/subscription`;
    expect((await t.request("GET", sub, as("viewer"))).body).toEqual({ weeklyEmail: false });
    expect((await t.request("PUT", sub, { ...as("viewer"), body: { weeklyEmail: true } })).status).toBe(200);
    expect((await t.request("GET", sub, as("viewer"))).body).toEqual({ weeklyEmail: true });
    expect((await t.request("GET", sub, as("editor"))).body).toEqual({ weeklyEmail: false });
    await t.request("PUT", sub, { ...as("viewer"), body: { weeklyEmail: false } });
    expect((await t.request("GET", sub, as("viewer"))).body).toEqual({ weeklyEmail: false });
  });
});
