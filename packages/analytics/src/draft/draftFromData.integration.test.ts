import { afterEach, describe, expect, it } from "vitest";
import { openEventDatabase, type EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { computeMapMetrics } from "../metrics/computeMapMetrics.js";
import { buildTestMap, testRule } from "../metrics/testing/buildTestMap.js";
import { insertEvents, type TestEvent } from "../metrics/testing/insertEvents.js";
import { loadProcessLog } from "../paths/testing/loadProcessLog.js";
import { rebuildJourneyStore } from "../store/rebuildJourneyStore.js";
import { buildDraftSnapshot } from "./buildDraftSnapshot.js";
import { draftFromData } from "./draftFromData.js";

const open: EventDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function database(events: TestEvent[]): Promise<EventDatabase> {
  const db = await openEventDatabase(":memory:", "ws");
  open.push(db);
  await insertEvents(db, events);
  await rebuildJourneyStore(db);
  return db;
}

const minute = (m: number) => new Date(Date.UTC(2024, 0, 1) + m * 60_000).toISOString();
const journey = (customer: number, names: string[]): TestEvent[] =>
  names.map((name, m) => ({ customer, at: minute(m), name, channel: "web" }));
const emptyMap = buildTestMap([]);

describe("a current-state map drafted from data", () => {
  it("never puts checkout before the product page, even when browsers see the product page late", async () => {
    // Buyers: product, checkout, then browse on. Browsers: browse long, product page last. By mean position checkout
    // comes first; but every customer who does both sees the product page first.
    const browse = ["b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8"].map((b) => `browse ${b}`);
    const events: TestEvent[] = [];
    for (let c = 0; c < 10; c++) events.push(...journey(c, ["product", "checkout", ...browse]));
    for (let c = 10; c < 20; c++) events.push(...journey(c, [...browse, "product"]));
    const db = await database(events);
    const plan = await draftFromData(db, {
      map: emptyMap,
      rules: [],
      locale: "en",
      request: { options: { draftMinShare: 0.4 } },
    });
    const names = plan.stages.flatMap((s) => s.steps.map((step) => step.name));
    expect(names.indexOf("product")).toBeLessThan(names.indexOf("checkout"));
    expect(plan.customers).toBe(20);
    expect(plan.stages.map((s) => s.name)).toEqual(["Journey"]);
  });

  it("stages like the map, each stage once, unmapped events joining the stage before them; keys and shares per step", async () => {
    const map = buildTestMap([
      { name: "Discover", steps: [{ name: "ad", touchpoints: ["tp_ad"] }] },
      {
        name: "Buy",
        steps: [
          { name: "cart", touchpoints: ["tp_cart"] },
          { name: "pay", touchpoints: ["tp_pay"] },
        ],
      },
    ]);
    const rules = [
      testRule("tp_ad", { eventNames: ["ad"] }),
      testRule("tp_cart", { eventNames: ["cart"] }),
      testRule("tp_pay", { eventNames: ["pay"] }),
    ];
    const events: TestEvent[] = [];
    // "cart" then "ad" for a few, to tempt a second Discover stage after Buy; most go ad, search, cart, pay.
    for (let c = 0; c < 8; c++) events.push(...journey(c, ["ad", "search", "cart", "pay"]));
    for (let c = 8; c < 10; c++) events.push(...journey(c, ["cart", "ad", "search"]));
    const db = await database(events);
    const plan = await draftFromData(db, {
      map,
      rules,
      touchpointNames: { tp_ad: "Ad", tp_cart: "Cart", tp_pay: "Pay" },
      locale: "en",
    });
    expect(plan.stages.map((s) => [s.name, s.steps.map((step) => step.name)])).toEqual([
      ["Discover", ["Ad", "search"]],
      ["Buy", ["Cart", "Pay"]],
    ]);
    const search = plan.stages[0]!.steps[1]!;
    expect(search).toMatchObject({
      key: "event:search",
      touchpointId: null,
      eventName: "search",
      channel: "web",
      customers: 10,
      share: 1,
    });
    expect(plan.stages[1]!.steps[1]).toMatchObject({ key: "tp:tp_pay", touchpointId: "tp_pay", customers: 8 });

    // The snapshot: touchpoint cards (the one created for "search" too), a data card with the reach, a stage each.
    const snapshot = buildDraftSnapshot(plan, { locale: "en", title: "Shop", touchpointOf: () => "tp_search" });
    expect(snapshot.settings).toMatchObject({ title: "Shop", type: "currentState" });
    const cards = snapshot.cells.flatMap((c) => c.cards);
    expect(cards.flatMap((k) => (k.kind === "touchpoint" ? [k.touchpointId] : []))).toEqual([
      "tp_ad",
      "tp_search",
      "tp_cart",
      "tp_pay",
    ]);
    expect(cards.flatMap((k) => (k.kind === "data" ? [k.note] : []))).toEqual([
      "10 (100%)",
      "10 (100%)",
      "10 (100%)",
      "8 (80%)",
    ]);
  });

  it("road traffic fines: the steps follow the most common path of the log", async () => {
    const db = await loadProcessLog("roadtraffic100traces.csv");
    open.push(db);
    const plan = await draftFromData(db, { map: emptyMap, rules: [], locale: "en" });
    const steps = plan.stages.flatMap((s) => s.steps.map((step) => step.key));
    const metrics = await computeMapMetrics(db, { map: emptyMap, rules: [] });
    const top = metrics.paths.variants.items[0]!.nodes;
    const inDraft = top.filter((n) => steps.includes(n));
    expect(inDraft.length).toBeGreaterThanOrEqual(3);
    expect(steps.filter((s) => inDraft.includes(s))).toEqual(inDraft);
  });

  it("running example: registration first, the decision after the checks and before its outcomes", async () => {
    const db = await loadProcessLog("running-example.csv");
    open.push(db);
    const plan = await draftFromData(db, { map: emptyMap, rules: [], locale: "en" });
    const steps = plan.stages.flatMap((s) => s.steps.map((step) => step.name));
    expect(steps[0]).toBe("register request");
    for (const check of ["examine casually", "check ticket"])
      expect(steps.indexOf(check)).toBeLessThan(steps.indexOf("decide"));
    for (const outcome of ["pay compensation", "reject request", "reinitiate request"])
      expect(steps.indexOf("decide")).toBeLessThan(steps.indexOf(outcome));
  });
});
