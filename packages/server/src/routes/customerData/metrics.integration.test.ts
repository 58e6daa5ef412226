import { rebuildJourneyStore } from "@opencjm/analytics";
import { insertTestEvents, type TestEvent } from "@opencjm/analytics/testing";
import {
  MAP_DOCUMENT_VERSION,
  MapSettingsSchema,
  type ChannelId,
  type DraftPlan,
  type MapMetrics,
  type MapSnapshot,
} from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPersona } from "../../commands/personaCreator.js";
import { createTouchpoint } from "../../commands/touchpointCreator.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const at = (minutes: number) => new Date(Date.UTC(2024, 4, 1) + minutes * 60_000).toISOString();

describe.each(testDialects)("map metrics API on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  let tp: { ad: string; pricing: string; buy: string };

  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    const touchpoint = (name: string) =>
      createTouchpoint(t.services.db, ws.id, {
        name,
        channelId: "website" as ChannelId,
        medium: "digital",
        description: "",
        ownerTeam: "",
      }).then((x) => x.id as string);
    tp = { ad: await touchpoint("Ad"), pricing: await touchpoint("Pricing page"), buy: await touchpoint("Checkout") };
    const snapshot = {
      version: MAP_DOCUMENT_VERSION,
      settings: MapSettingsSchema.parse({ title: "Shop", type: "currentState" }),
      stages: [
        { id: "s_aware", name: "Awareness", description: "", order: "a0" },
        { id: "s_buy", name: "Purchase", description: "", order: "a1" },
      ],
      steps: [
        { id: "p_ad", stageId: "s_aware", name: "Sees an ad", description: "", parallel: false, order: "a0" },
        { id: "p_pricing", stageId: "s_aware", name: "Compares prices", description: "", parallel: false, order: "a1" },
        { id: "p_buy", stageId: "s_buy", name: "Buys", description: "", parallel: false, order: "a0" },
      ],
      lanes: [{ id: "l_tp", type: "touchpoints", name: "Touchpoints", collapsed: false, hidden: false, order: "a0" }],
      cells: [
        {
          laneId: "l_tp",
          stepId: "p_ad",
          cards: [
            {
              id: "c1",
              order: "a0",
              kind: "touchpoint",
              touchpointId: tp.ad,
              note: "",
              evidence: { level: "assumption", refs: [] },
            },
          ],
        },
        {
          laneId: "l_tp",
          stepId: "p_pricing",
          cards: [
            {
              id: "c2",
              order: "a0",
              kind: "touchpoint",
              touchpointId: tp.pricing,
              note: "",
              evidence: { level: "assumption", refs: [] },
            },
          ],
        },
        {
          laneId: "l_tp",
          stepId: "p_buy",
          cards: [
            {
              id: "c3",
              order: "a0",
              kind: "touchpoint",
              touchpointId: tp.buy,
              note: "",
              evidence: { level: "assumption", refs: [] },
            },
          ],
        },
      ],
      emotions: [],
    } as unknown as MapSnapshot;
    mapId = (await t.services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot })).id;
    const events: TestEvent[] = [];
    // Ten customers: all see the ad, even ones (DE) compare prices, customers 0, 2, 4 buy; customer 9 only calls support.
    for (let c = 0; c < 9; c++) {
      events.push({ customer: c, at: at(c * 100), name: "ad_click", channel: "web" });
      if (c % 2 === 0)
        events.push({
          customer: c,
          at: at(c * 100 + 10),
          name: "page_view",
          channel: "web",
          properties: { path: "/pricing" },
        });
      if (c % 2 === 0 && c <= 4)
        events.push({
          customer: c,
          at: at(c * 100 + 40),
          name: "order",
          channel: "web",
          score: 5,
          kind: "csat",
          text: "Quick and easy, thanks!",
        });
    }
    events.push({ customer: 9, at: at(5), name: "support_call", channel: "phone" });
    const attributes = Object.fromEntries(
      Array.from({ length: 10 }, (_, c) => [c, { country: c % 2 === 0 ? "DE" : "US" }]),
    );
    const db = await t.services.analytics.open(ws.id);
    await insertTestEvents(db, events, attributes);
    await rebuildJourneyStore(db);
    for (const rule of [
      { touchpointId: tp.ad, eventNames: ["ad_click"] },
      {
        touchpointId: tp.pricing,
        eventNames: ["page_view"],
        conditions: [{ property: "path", operator: "eq", value: "/pricing" }],
      },
      { touchpointId: tp.buy, pattern: "ord*" },
    ]) {
      const created = await t.request("POST", `/api/workspaces/${ws.id}/touchpoint-rules`, {
        headers: ws.users.editor.headers,
        body: rule,
      });
      expect(created.status).toBe(201);
    }
  });
  afterEach(() => t.dispose());

  it("computes the map's metrics for a viewer, with the rules applied and touchpoints named", async () => {
    const res = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/metrics`, {
      headers: ws.users.viewer.headers,
      body: {},
    });
    expect(res.status).toBe(200);
    const steps = res.body.steps as Array<{
      stepId: string;
      customers: number;
      conversion: { converted: number; timeToNext: { medianMs: number } } | null;
      scores: { csat: { mean: number } };
    }>;
    expect(steps.map((s) => [s.stepId, s.customers])).toEqual([
      ["p_ad", 9],
      ["p_pricing", 5],
      ["p_buy", 3],
    ]);
    expect(steps[0]!.conversion).toMatchObject({ converted: 5, timeToNext: { medianMs: 10 * 60_000 } });
    expect(steps[1]!.conversion).toMatchObject({ converted: 3, timeToNext: { medianMs: 30 * 60_000 } });
    expect(steps[2]!.scores.csat.mean).toBe(5);
    expect(res.body.totals).toMatchObject({ customers: 10, events: 18 });
    expect(res.body.unmapped).toMatchObject({
      events: 1,
      items: [{ eventName: "support_call", channel: "phone", events: 1, customers: 1 }],
    });
    expect((res.body.touchpoints as Array<{ label: string }>).map((x) => x.label)).toEqual([
      "Ad",
      "Pricing page",
      "Checkout",
    ]);
  });

  it("says how long journeys take per variant: median and p90 from first to last event, under the same filters", async () => {
    const res = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/case-durations`, {
      headers: ws.users.viewer.headers,
      body: {},
    });
    expect(res.status).toBe(200);
    const minutes = (ms: number) => ms / 60_000;
    const variants = (
      res.body.variants as Array<{ nodes: string[]; customers: number; duration: { medianMs: number } }>
    ).map((v) => [v.nodes.join(" → "), v.customers, minutes(v.duration.medianMs)]);
    expect(variants).toEqual([
      ["p_ad", 4, 0],
      ["p_ad → p_pricing → p_buy", 3, 40],
      ["p_ad → p_pricing", 2, 10],
      ["event:support_call", 1, 0],
    ]);
    expect(res.body.cases).toMatchObject({ count: 10 });
    expect(res.body.conversionWindowHours).toBeGreaterThan(0);
    const americans = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/case-durations`, {
      headers: ws.users.viewer.headers,
      body: {
        filters: { segment: { match: "all", conditions: [{ attribute: "country", operator: "eq", value: "US" }] } },
      },
    });
    expect((americans.body.variants as Array<{ nodes: string[] }>).map((v) => v.nodes.join(" → "))).toEqual([
      "p_ad",
      "event:support_call",
    ]);
  });

  it("filters by a persona's segment, by channel and by date, and names bad filters", async () => {
    const persona = await createPersona(t.services.db, ws.id, {
      name: "German shoppers",
      segment: { match: "all", conditions: [{ attribute: "country", operator: "eq", value: "DE" }] },
    });
    const byPersona = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/metrics`, {
      headers: ws.users.viewer.headers,
      body: { personaId: persona.id },
    });
    expect([byPersona.status, (byPersona.body.totals as { customers: number }).customers]).toEqual([200, 5]);
    const byChannel = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/metrics`, {
      headers: ws.users.viewer.headers,
      body: { filters: { channels: ["phone"] } },
    });
    expect((byChannel.body.totals as { customers: number }).customers).toBe(1);
    const byDate = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/metrics`, {
      headers: ws.users.viewer.headers,
      body: { filters: { from: at(300), to: at(10_000) } },
    });
    expect((byDate.body.totals as { customers: number }).customers).toBe(6);
    const bad = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/metrics`, {
      headers: ws.users.viewer.headers,
      body: { filters: { from: "yesterday" }, options: { order: "sideways" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error!.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(["filters.from", "options.order"]),
    );
    const noSegment = await createPersona(t.services.db, ws.id, { name: "Nobody in particular" });
    const refused = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/metrics`, {
      headers: ws.users.viewer.headers,
      body: { personaId: noSegment.id },
    });
    expect([refused.status, refused.body.error?.code]).toEqual([400, "persona_without_segment"]);
    const missing = await t.request("POST", `/api/workspaces/${ws.id}/maps/map_nope/metrics`, {
      headers: ws.users.viewer.headers,
      body: {},
    });
    expect(missing.status).toBe(404);
  });

  it("creates a current-state map drafted from the data, which then opens like any map", async () => {
    const res = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/draft-from-data`, {
      headers: ws.users.editor.headers,
      body: { title: "What customers really do", options: { draftMinShare: 0.3 } },
    });
    expect(res.status).toBe(201);
    const created = res.body as { map: { id: string; title: string; type: string }; snapshot: MapSnapshot };
    expect(created.map).toMatchObject({ title: "What customers really do", type: "currentState" });
    expect(created.snapshot.steps.map((s) => s.name)).toEqual(["Ad", "Pricing page", "Checkout"]);
    expect(created.snapshot.stages.map((s) => s.name)).toEqual(["Awareness", "Purchase"]);
    const read = await t.request("GET", `/api/workspaces/${ws.id}/maps/${created.map.id}`, {
      headers: ws.users.viewer.headers,
    });
    expect(read.status).toBe(200);
    const viewer = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/draft-from-data`, {
      headers: ws.users.viewer.headers,
      body: {},
    });
    expect(viewer.status).toBe(403);
  });

  it("previews a draft a viewer may read, drops the steps left out, and links the new map's steps to their events", async () => {
    const base = `/api/workspaces/${ws.id}/maps/${mapId}/draft-from-data`;
    const preview = await t.request("POST", `${base}/preview`, { headers: ws.users.viewer.headers, body: {} });
    expect(preview.status).toBe(200);
    const plan = preview.body as DraftPlan;
    expect(plan.customers).toBe(10);
    expect(plan.stages.map((s) => [s.name, s.steps.map((step) => step.key)])).toEqual([
      ["Awareness", [`tp:${tp.ad}`, `tp:${tp.pricing}`]],
      // Nobody who calls support does anything else: the call goes last, in the stage before it.
      ["Purchase", [`tp:${tp.buy}`, "event:support_call"]],
    ]);
    expect(plan.conversionWindowHours).toBe(24 * 365 * 10);
    const withoutPricing = await t.request("POST", `${base}/preview`, {
      headers: ws.users.viewer.headers,
      body: { leaveOut: [`tp:${tp.pricing}`], title: "Named" },
    });
    expect((withoutPricing.body as DraftPlan).title).toBe("Named");
    expect((withoutPricing.body as DraftPlan).stages.flatMap((s) => s.steps.map((step) => step.name))).toEqual([
      "Ad",
      "Checkout",
      "support_call",
    ]);

    const res = await t.request("POST", base, {
      headers: ws.users.editor.headers,
      body: { title: "Drafted", leaveOut: [`tp:${tp.pricing}`] },
    });
    expect(res.status).toBe(201);
    const created = res.body as { map: { id: string; title: string }; snapshot: MapSnapshot };
    expect(created.map.title).toBe("Drafted");
    // The unmapped support call became a touchpoint on the phone channel with its rule.
    const rules = await t.request("GET", `/api/workspaces/${ws.id}/touchpoint-rules`, {
      headers: ws.users.viewer.headers,
    });
    const callRule = (rules.body as unknown as Array<{ touchpointId: string; eventNames: string[] }>).find((r) =>
      r.eventNames.includes("support_call"),
    );
    expect(callRule).toBeDefined();
    const catalogue = await t.request("GET", `/api/workspaces/${ws.id}/touchpoints`, {
      headers: ws.users.viewer.headers,
    });
    expect(
      (catalogue.body as unknown as Array<{ id: string; name: string; channelId: string }>).find(
        (x) => x.id === callRule!.touchpointId,
      ),
    ).toMatchObject({ name: "support_call", channelId: "phone" });
    // The new map's numbers: every step is linked to its events.
    const metrics = await t.request("POST", `/api/workspaces/${ws.id}/maps/${created.map.id}/metrics`, {
      headers: ws.users.viewer.headers,
      body: {},
    });
    expect((metrics.body as MapMetrics).steps.map((s) => [s.name, s.customers])).toEqual([
      ["Ad", 9],
      ["Checkout", 3],
      ["support_call", 1],
    ]);
  });
});
