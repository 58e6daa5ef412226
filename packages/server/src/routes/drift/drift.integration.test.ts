import { rebuildJourneyStore } from "@opencjm/analytics";
import { insertTestEvents, type TestEvent } from "@opencjm/analytics/testing";
import {
  DriftDigestSchema,
  MAP_DOCUMENT_VERSION,
  MapDriftSchema,
  MapSettingsSchema,
  type ChannelId,
  type MapSnapshot,
  type TouchpointId,
} from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTouchpoint } from "../../commands/touchpointCreator.js";
import { createTouchpointRule } from "../../store/touchpointRuleStore.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const DAY = 86_400_000;
const START = Date.UTC(2024, 1, 2);
const iso = (ms: number) => new Date(ms).toISOString();

/** Ad → pricing → buy, one touchpoint on each step. */
function shopMap(tp: string[]): MapSnapshot {
  const ids = ["p_ad", "p_pricing", "p_buy"];
  return {
    version: MAP_DOCUMENT_VERSION,
    settings: MapSettingsSchema.parse({ title: "Shop", type: "currentState" }),
    stages: [{ id: "s_all", name: "Journey", description: "", order: "a0" }],
    steps: ids.map((id, i) => ({
      id,
      stageId: "s_all",
      name: id.slice(2),
      description: "",
      parallel: false,
      order: `a${i}`,
    })),
    lanes: [{ id: "l_tp", type: "touchpoints", name: "Touchpoints", collapsed: false, hidden: false, order: "a0" }],
    cells: ids.map((stepId, i) => ({
      laneId: "l_tp",
      stepId,
      cards: [
        {
          id: `c${i}`,
          order: "a0",
          kind: "touchpoint",
          touchpointId: tp[i],
          note: "",
          evidence: { level: "assumption", refs: [] },
        },
      ],
    })),
    emotions: [],
  } as unknown as MapSnapshot;
}

/** 12 customers a day for 56 days; 30% go from the ad to pricing in the first 28 days, 60% in the last 28. */
function drifting(): TestEvent[] {
  const events: TestEvent[] = [];
  for (let c = 0; c < 56 * 12; c++) {
    const t = START + Math.floor(c / 12) * DAY + (c % 12) * 3_600_000;
    const later = t >= START + 28 * DAY;
    events.push({ customer: c, at: iso(t), name: "ad_click", channel: "web" });
    if (c % 10 < (later ? 6 : 3)) {
      events.push({ customer: c, at: iso(t + 600_000), name: "pricing", channel: "web" });
      if (Math.floor(c / 10) % 2 === 0)
        events.push({ customer: c, at: iso(t + 2_400_000), name: "order", channel: "web" });
    }
  }
  return events;
}

describe.each(testDialects)("drift on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  const D = () => `/api/workspaces/${ws.id}/drift`;
  const as = (role: "owner" | "editor" | "viewer") => ({ headers: ws.users[role].headers });

  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    const tp: string[] = [];
    for (const name of ["Ad", "Pricing", "Checkout"])
      tp.push(
        (
          await createTouchpoint(t.services.db, ws.id, {
            name,
            channelId: "website" as ChannelId,
            medium: "digital",
            description: "",
            ownerTeam: "",
          })
        ).id,
      );
    mapId = (await t.services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot: shopMap(tp) }))
      .id;
    for (const [i, name] of ["ad_click", "pricing", "order"].entries())
      await createTouchpointRule(t.services.db, ws.id, {
        touchpointId: tp[i] as TouchpointId,
        eventNames: [name],
        conditions: [],
      });
    const events = await t.services.analytics.open(ws.id);
    await insertTestEvents(events, drifting());
    await rebuildJourneyStore(events);
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
