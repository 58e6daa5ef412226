import { afterEach, describe, expect, it } from "vitest";
import { openEventDatabase, type EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { rebuildJourneyStore } from "../store/rebuildJourneyStore.js";
import { computeMapMetrics } from "./computeMapMetrics.js";
import { buildTestMap, testRule } from "./testing/buildTestMap.js";
import { insertEvents, type TestEvent } from "./testing/insertEvents.js";

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

const minute = (m: number) => new Date(Date.UTC(2024, 0, 1) + m * 60_000).toISOString();
const map = buildTestMap([
  {
    name: "S1",
    steps: [
      { name: "a", touchpoints: ["tp_a"] },
      { name: "b", touchpoints: ["tp_b"] },
    ],
  },
  { name: "S2", steps: [{ name: "c", touchpoints: ["tp_c"] }] },
]);
const rules = ["a", "b", "c"].map((n) => testRule(`tp_${n}`, { eventNames: [n] }));
const journey = (customer: number, steps: Array<[string, number]>, extra: Partial<TestEvent> = {}): TestEvent[] =>
  steps.map(([name, m]) => ({ customer, at: minute(m), name, channel: "web", ...extra }));

describe("metric semantics on hand-built journeys", () => {
  it("strict order breaks a conversion when another step comes in between; loose order does not", async () => {
    // Customer 0: a, c, b — loose: a converts to b; strict: c (another level) came first, so a does not.
    // Customer 1: a, a, x (off the map), b — both orders convert: repeats and unmapped events do not break strict order.
    const db = await database([
      ...journey(0, [
        ["a", 0],
        ["c", 1],
        ["b", 2],
      ]),
      ...journey(1, [
        ["a", 0],
        ["a", 1],
        ["x", 2],
        ["b", 3],
      ]),
    ]);
    const loose = await computeMapMetrics(db, { map, rules });
    const strict = await computeMapMetrics(db, { map, rules, request: { options: { order: "strict" } } });
    expect([loose.steps[0]!.conversion!.converted, strict.steps[0]!.conversion!.converted]).toEqual([2, 1]);
    expect(strict.steps[0]!.conversion!.timeToNext).toEqual({ count: 1, medianMs: 3 * 60_000, p90Ms: 3 * 60_000 });
    // Funnels: loose, customer 0 reaches b after c, so level 1 but never level 2 after it; strict stops customer 0 at level 0.
    expect([loose.funnel.steps.map((f) => f.customers), strict.funnel.steps.map((f) => f.customers)]).toEqual([
      [2, 2, 0],
      [2, 1, 0],
    ]);
  });

  it("the conversion window counts from the first event at the step, and the funnel window from its start", async () => {
    const db = await database([
      ...journey(0, [
        ["a", 0],
        ["a", 50],
        ["b", 70],
      ]),
      ...journey(1, [
        ["a", 0],
        ["b", 30],
        ["c", 90],
      ]),
    ]);
    const m = await computeMapMetrics(db, { map, rules, request: { options: { conversionWindowHours: 1 } } });
    // Customer 0 reaches b 70 minutes after first reaching a (a repeat at 50 does not restart the clock).
    expect(m.steps[0]!.conversion!.converted).toBe(1);
    // b → c takes 60 minutes for customer 1 (within one hour of b), but the funnel started at a, 90 minutes before c.
    expect(m.steps[1]!.conversion!.converted).toBe(1);
    expect(m.funnel.steps.map((f) => f.customers)).toEqual([2, 1, 0]);
  });

  it("parallel steps share a level: either one leads on, and moving between them is no deviation", async () => {
    const parallelMap = buildTestMap([
      {
        name: "S",
        steps: [
          { name: "a", touchpoints: ["tp_a"] },
          { name: "b", touchpoints: ["tp_b"], parallel: true },
          { name: "c", touchpoints: ["tp_c"] },
        ],
      },
    ]);
    const db = await database([
      ...journey(0, [
        ["b", 0],
        ["a", 1],
        ["c", 2],
      ]),
      ...journey(1, [
        ["a", 0],
        ["c", 1],
      ]),
    ]);
    const m = await computeMapMetrics(db, { map: parallelMap, rules });
    expect(m.steps.map((s) => s.level)).toEqual([0, 0, 1]);
    expect(m.steps.map((s) => s.conversion?.nextIds ?? null)).toEqual([["p_c"], ["p_c"], null]);
    expect(m.steps.map((s) => s.conversion?.converted ?? null)).toEqual([2, 1, null]);
    expect(m.conformance).toMatchObject({ customers: 2, conforming: 2 });
    expect(m.funnel.steps).toEqual([
      { level: 0, stepIds: ["p_a", "p_b"], customers: 2, rate: 1 },
      { level: 1, stepIds: ["p_c"], customers: 2, rate: 1 },
    ]);
  });

  it("the first matching rule decides, by channel and by properties; events without properties meet only `neq` and absent-friendly conditions", async () => {
    const db = await database([
      { customer: 0, at: minute(0), name: "page", channel: "web", properties: { path: "/pricing", amount: "120" } },
      { customer: 0, at: minute(1), name: "page", channel: "web", properties: { path: "/blog" } },
      { customer: 1, at: minute(0), name: "page", channel: "app", properties: { path: "/pricing", amount: "abc" } },
      { customer: 1, at: minute(1), name: "page", channel: "web" },
      { customer: 2, at: minute(0), name: "Page", channel: "web", properties: { path: "/pricing" } },
    ]);
    const tpMap = buildTestMap([
      {
        name: "S",
        steps: [
          { name: "pricing", touchpoints: ["tp_pricing"] },
          { name: "big", touchpoints: ["tp_big"] },
          { name: "other", touchpoints: ["tp_other"] },
        ],
      },
    ]);
    const ordered = [
      testRule("tp_big", { eventNames: ["page"], conditions: [{ property: "amount", operator: "gt", value: 100 }] }),
      testRule("tp_pricing", {
        eventNames: ["page"],
        conditions: [{ property: "path", operator: "contains", value: "pric" }],
      }),
      testRule("tp_other", {
        pattern: "pag?",
        channel: "web",
        conditions: [{ property: "path", operator: "neq", value: "/pricing" }],
      }),
    ];
    const m = await computeMapMetrics(db, { map: tpMap, rules: ordered });
    // c0: /pricing with amount 120 → big (first rule); /blog → other. c1: app /pricing, amount "abc" is no number → pricing; web without properties → other (neq holds).
    expect(m.steps.map((s) => [s.name, s.events])).toEqual([
      ["pricing", 1],
      ["big", 1],
      ["other", 2],
    ]);
    // Matching is case-sensitive: "Page" matches no rule.
    expect(m.unmapped.items).toEqual([{ eventName: "Page", channel: "web", events: 1, customers: 1 }]);
  });

  it("filters: segment operators on attributes (absent attributes only satisfy neq), channels, and a half-open date range", async () => {
    const db = await database(
      [
        ...journey(0, [
          ["a", 0],
          ["b", 10],
        ]),
        ...journey(1, [["a", 0]]),
        ...journey(2, [["a", 0]], { channel: null }),
        ...journey(3, [["c", 60 * 24]]),
      ],
      { 0: { plan: "pro", age: "41" }, 1: { plan: "free", age: "29" }, 2: { age: "n/a" } },
    );
    const customers = async (filters: object) =>
      (await computeMapMetrics(db, { map, rules, request: { filters } })).totals.customers;
    expect(
      await customers({
        segment: { match: "all", conditions: [{ attribute: "plan", operator: "neq", value: "pro" }] },
      }),
    ).toBe(3);
    expect(
      await customers({ segment: { match: "all", conditions: [{ attribute: "age", operator: "gte", value: 30 }] } }),
    ).toBe(1);
    expect(
      await customers({
        segment: {
          match: "any",
          conditions: [
            { attribute: "plan", operator: "eq", value: "free" },
            { attribute: "age", operator: "lt", value: 30 },
          ],
        },
      }),
    ).toBe(1);
    expect(
      await customers({ segment: { match: "all", conditions: [{ attribute: "plan", operator: "exists" }] } }),
    ).toBe(2);
    expect(
      await customers({
        segment: { match: "all", conditions: [{ attribute: "plan", operator: "in", value: ["pro", "team"] }] },
      }),
    ).toBe(1);
    expect(await customers({ segment: { match: "all", conditions: [] } })).toBe(4);
    expect(await customers({ channels: ["web"] })).toBe(3);
    // from is inclusive, to exclusive; a bare date is midnight UTC.
    expect(await customers({ from: "2024-01-01T00:10:00Z" })).toBe(2);
    expect(await customers({ to: "2024-01-02" })).toBe(3);
    expect(await customers({ from: "2024-01-02", to: "2024-01-03" })).toBe(1);
    // Requests at the same time do not disturb each other's segment.
    const pro = { segment: { match: "all", conditions: [{ attribute: "plan", operator: "eq", value: "pro" }] } };
    const free = { segment: { match: "all", conditions: [{ attribute: "plan", operator: "eq", value: "free" }] } };
    expect(await Promise.all([customers(pro), customers(free), customers(pro), customers({})])).toEqual([1, 1, 1, 4]);
  });

  it("refuses bad requests naming the field", async () => {
    const db = await database(journey(0, [["a", 0]]));
    const bad = async (request: object) =>
      computeMapMetrics(db, { map, rules, request }).then(
        () => "accepted",
        (err: { issues?: Array<{ path: PropertyKey[] }> }) => err.issues?.[0]?.path.join("."),
      );
    expect(await bad({ filters: { from: "01/02/2024" } })).toBe("filters.from");
    expect(await bad({ filters: { channels: [] } })).toBe("filters.channels");
    expect(await bad({ options: { conversionWindowHours: -1 } })).toBe("options.conversionWindowHours");
    expect(await bad({ options: { topPaths: 1.5 } })).toBe("options.topPaths");
    expect(await bad({ options: { unknown: true } })).toBe("options");
  });

  it("drafts a current-state map from the most common activities, ordered by where they first happen, staged like the map", async () => {
    const events: TestEvent[] = [];
    for (let c = 0; c < 10; c++) {
      events.push(
        ...journey(c, [
          ["x_newsletter", 0],
          ["a", 1],
          ["b", 2],
        ]),
      );
      if (c < 6) events.push(...journey(c, [["c", 3]]));
      if (c < 1) events.push(...journey(c, [["rare", 4]]));
    }
    const db = await database(events);
    const m = await computeMapMetrics(db, {
      map,
      rules,
      touchpointNames: { tp_a: "Ad", tp_b: "Blog", tp_c: "Checkout" },
      request: { options: { draftMinShare: 0.2 } },
    });
    expect(m.draft.steps.map((s) => s.name)).toEqual(["x_newsletter", "Ad", "Blog", "Checkout"]);
    // The unmapped first activity joins the first known stage; touchpoints keep their map stage.
    expect(m.draft.stages.map((s) => s.name)).toEqual(["S1", "S2"]);
    expect(m.draft.settings.type).toBe("currentState");
    const cards = m.draft.cells.flatMap((c) => c.cards);
    expect(
      cards.filter((k) => k.kind === "touchpoint").map((k) => (k.kind === "touchpoint" ? k.touchpointId : "")),
    ).toEqual(["tp_a", "tp_b", "tp_c"]);
    expect(cards.filter((k) => k.kind === "action").map((k) => (k.kind === "action" ? k.text : ""))).toEqual([
      "x_newsletter",
    ]);
    expect(cards.filter((k) => k.kind === "data").map((k) => (k.kind === "data" ? k.note : ""))).toEqual([
      "10 (100%)",
      "10 (100%)",
      "10 (100%)",
      "6 (60%)",
    ]);
  });
});
