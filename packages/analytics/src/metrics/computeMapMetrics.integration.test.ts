import { afterEach, describe, expect, it } from "vitest";
import { openEventDatabase, type EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { rebuildJourneyStore } from "../store/rebuildJourneyStore.js";
import { computeMapMetrics } from "./computeMapMetrics.js";
import { MapMetricsSchema } from "@opencjm/core";
import { buildTestMap, testRule } from "./testing/buildTestMap.js";
import { insertEvents, type TestEvent } from "./testing/insertEvents.js";

const MIN = 60_000;
const open: EventDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function database(
  events: TestEvent[],
  attributes: Record<number, Record<string, unknown>> = {},
): Promise<EventDatabase> {
  const db = await openEventDatabase(":memory:", "ws");
  open.push(db);
  await insertEvents(db, events, attributes);
  await rebuildJourneyStore(db);
  return db;
}

const map = buildTestMap([
  {
    name: "A",
    steps: [
      { name: "a1", touchpoints: ["tp_a1"] },
      { name: "a2", touchpoints: ["tp_a2"], parallel: true },
    ],
  },
  { name: "B", steps: [{ name: "b1", touchpoints: ["tp_b1"] }] },
  { name: "C", steps: [{ name: "c1", touchpoints: ["tp_c1"] }] },
]);
const rules = [
  testRule("tp_a1", { eventNames: ["ad_click"] }),
  testRule("tp_a2", { pattern: "blog_*" }),
  testRule("tp_b1", { eventNames: ["visit"], channel: "web" }),
  testRule("tp_c1", { eventNames: ["purchase"] }),
  testRule("tp_x", { eventNames: ["support_call"] }),
];
const day = (d: number, hh = "00", mm = "00") => `2024-01-${String(1 + d).padStart(2, "0")}T${hh}:${mm}:00Z`;
const journeys: TestEvent[] = [
  { customer: 0, at: day(0), name: "ad_click", channel: "web" },
  { customer: 0, at: day(0, "00", "10"), name: "visit", channel: "web" },
  { customer: 0, at: day(0, "01"), name: "purchase", channel: "web", score: 5, kind: "csat", text: "Great, thanks!" },
  { customer: 1, at: day(0), name: "blog_post", channel: "web" },
  {
    customer: 1,
    at: day(0, "02"),
    name: "purchase",
    channel: "web",
    score: 3,
    kind: "nps",
    text: "Terrible, far too slow",
  },
  { customer: 2, at: day(0), name: "visit", channel: "web" },
  { customer: 2, at: day(0, "00", "05"), name: "ad_click", channel: "web" },
  { customer: 2, at: day(0, "00", "40"), name: "visit", channel: "web" },
  { customer: 3, at: day(0), name: "support_call", channel: "phone" },
  { customer: 3, at: day(1), name: "newsletter_open", channel: null },
  { customer: 4, at: day(0), name: "ad_click", channel: "web" },
  { customer: 4, at: day(20), name: "purchase", channel: "web" },
  { customer: 4, at: day(20, "00", "01"), name: "visit", channel: "app" },
];

describe("computeMapMetrics on hand-built journeys with known answers", () => {
  it("counts reach, pairwise conversion with time to next, funnels, time spent and sessions", async () => {
    const db = await database(journeys);
    const m = await computeMapMetrics(db, { map, rules, request: { options: { conversionWindowHours: 24 * 10 } } });
    expect(m.totals).toMatchObject({ customers: 5, events: 13, mappedEvents: 11, onMapEvents: 10 });
    const step = Object.fromEntries(m.steps.map((s) => [s.name, s]));
    expect([step.a1!.customers, step.a2!.customers, step.b1!.customers, step.c1!.customers]).toEqual([3, 1, 2, 3]);
    expect([step.a1!.events, step.b1!.events]).toEqual([3, 3]);
    expect([step.a1!.level, step.a2!.level, step.b1!.level, step.c1!.level]).toEqual([0, 0, 1, 2]);
    expect(step.a1!.conversion).toEqual({
      nextIds: ["p_b1"],
      converted: 2,
      rate: 2 / 3,
      dropOff: 1,
      dropOffRate: 1 / 3,
      timeToNext: { count: 2, medianMs: 10 * MIN, p90Ms: 35 * MIN },
    });
    expect(step.a2!.conversion).toMatchObject({ converted: 0, dropOff: 1, timeToNext: { count: 0, medianMs: null } });
    expect(step.b1!.conversion).toMatchObject({
      nextIds: ["p_c1"],
      converted: 1,
      timeToNext: { medianMs: 50 * MIN, p90Ms: 50 * MIN },
    });
    expect(step.c1!.conversion).toBeNull();
    expect(m.stages.map((s) => [s.customers, s.conversion?.converted ?? null])).toEqual([
      [4, 2],
      [2, 1],
      [3, null],
    ]);
    expect(m.stages[0]!.conversion!.timeToNext).toEqual({ count: 2, medianMs: 10 * MIN, p90Ms: 35 * MIN });
    expect(m.funnel.steps.map((f) => f.customers)).toEqual([4, 2, 1]);
    expect(m.funnel.steps[0]!.stepIds).toEqual(["p_a1", "p_a2"]);
    expect(m.funnel.stages.map((f) => f.customers)).toEqual([4, 2, 1]);
    // A gap over 30 minutes ends the session and gives the event before it no time.
    expect([step.a1!.timeSpent.totalMs, step.b1!.timeSpent.totalMs, step.c1!.timeSpent.totalMs]).toEqual([
      10 * MIN,
      5 * MIN,
      1 * MIN,
    ]);
    expect(step.b1!.timeSpent.perCustomerMs).toBe(2.5 * MIN);
    expect(m.sessions).toEqual({ count: 10, meanDurationMs: 1.6 * MIN, meanEvents: 1.3 });
    // The result is what the API documents.
    expect(MapMetricsSchema.parse(m)).toEqual(m);
  });

  it("scores become averages, NPS and an emotion on the map's scale; texts give sentiment and quotes", async () => {
    const db = await database(journeys);
    const m = await computeMapMetrics(db, { map, rules });
    const c1 = m.steps.find((s) => s.name === "c1")!;
    expect(c1.scores).toEqual({
      csat: { count: 1, mean: 5 },
      nps: { count: 1, mean: 3, score: -100 },
      ces: { count: 0, mean: null },
    });
    // CSAT 5 → 1.0 and NPS 3 → 0.3 on 0…1, averaged to 0.65, on the default −2…2 scale: 0.6.
    expect(c1.emotion.source).toBe("scores");
    expect(c1.emotion.value).toBeCloseTo(0.6, 10);
    expect(c1.sentiment.count).toBe(2);
    expect(c1.sentiment.languages).toEqual({ en: 2 });
    expect(c1.sentiment.quotes.map((q) => [q.text, q.language, Math.sign(q.sentiment)])).toEqual([
      ["Terrible, far too slow", "en", -1],
      ["Great, thanks!", "en", 1],
    ]);
    expect(c1.sentiment.quotes[0]!.at).toBe(new Date(day(0, "02")).toISOString());
    expect(m.steps.find((s) => s.name === "a1")!.emotion).toEqual({ value: null, source: null });
    expect(m.stages[2]!.emotion.value).toBeCloseTo(0.6, 10);
  });

  it("lists unmapped events by name and channel, touchpoints missing from the map, and judges conformance", async () => {
    const db = await database(journeys);
    const m = await computeMapMetrics(db, { map, rules });
    expect(m.unmapped).toEqual({
      events: 2,
      customers: 2,
      distinct: 2,
      items: [
        { eventName: "newsletter_open", channel: null, events: 1, customers: 1 },
        { eventName: "visit", channel: "app", events: 1, customers: 1 },
      ],
    });
    expect(m.conformance).toEqual({
      customers: 4,
      conforming: 1,
      share: 0.25,
      withSkips: 2,
      withBackSteps: 1,
      withLoops: 1,
      missingTouchpoints: [{ touchpointId: "tp_x", label: "tp_x", events: 1, customers: 1 }],
    });
    const step = Object.fromEntries(m.steps.map((s) => [s.name, s]));
    expect([step.b1!.skipped, step.b1!.revisits, step.a1!.skipped]).toEqual([2, 1, 0]);
    expect(m.stages.map((s) => [s.backSteps, s.backStepCustomers, s.loops, s.loopCustomers])).toEqual([
      [0, 0, 0, 0],
      [1, 1, 1, 1],
      [0, 0, 0, 0],
    ]);
  });

  it("builds the directly-follows graph, variants and the Sankey diagram, with off-map nodes", async () => {
    const db = await database(journeys);
    const m = await computeMapMetrics(db, {
      map,
      rules,
      touchpointNames: { tp_x: "Support line" },
      request: { options: { topPaths: 2, sankeyDepth: 1 } },
    });
    const edge = (from: string, to: string) => m.paths.edges.find((e) => e.from === from && e.to === to);
    expect(edge("p_a1", "p_b1")).toEqual({ from: "p_a1", to: "p_b1", count: 2, customers: 2, meanMs: 22.5 * MIN });
    expect(edge("tp:tp_x", "event:newsletter_open")).toMatchObject({ count: 1, meanMs: 24 * 60 * MIN });
    // c0's and c2's a1 → b1 share one edge: 7 distinct edges in all.
    expect(m.paths.edges).toHaveLength(7);
    expect(m.paths.nodes.find((n) => n.id === "tp:tp_x")).toEqual({
      id: "tp:tp_x",
      kind: "touchpoint",
      label: "Support line",
      events: 1,
      customers: 1,
      starts: 1,
      ends: 0,
    });
    expect(m.paths.variants.distinct).toBe(5);
    expect(m.paths.variants.items).toHaveLength(2);
    expect(m.paths.variants.others).toEqual({ customers: 3, variants: 3 });
    // Every variant has one customer: ties go to the variant first seen in the store (customers 0 and 1 here).
    expect(m.paths.variants.items).toEqual([
      { nodes: ["p_a1", "p_b1", "p_c1"], customers: 1, share: 0.2 },
      { nodes: ["p_a2", "p_c1"], customers: 1, share: 0.2 },
    ]);
    expect(m.paths.sankey.nodes.filter((n) => n.depth === 0).map((n) => [n.node, n.customers])).toEqual([
      ["p_a1", 2],
      ["p_a2", 1],
      ["p_b1", 1],
      ["tp:tp_x", 1],
    ]);
    expect(m.paths.sankey.links).toContainEqual({ source: "0:p_a1", target: "1:p_b1", customers: 1 });
    expect(m.paths.sankey.links.reduce((n, l) => n + l.customers, 0)).toBe(5);
  });

  it("gives the same answers however the customers are split across partitions", async () => {
    const db = await database(journeys);
    const one = await computeMapMetrics(db, { map, rules }, { partitions: 1 });
    const three = await computeMapMetrics(db, { map, rules }, { partitions: 3 });
    const strip = (m: typeof one) => ({
      ...m,
      computedAt: "",
      draft: {
        ...m.draft,
        stages: m.draft.stages.map((s) => s.name),
        steps: m.draft.steps.map((s) => s.name),
        lanes: [],
        cells: [],
      },
    });
    expect(strip(three)).toEqual(strip(one));
  });
});
