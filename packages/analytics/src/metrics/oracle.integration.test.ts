import { afterEach, describe, expect, it } from "vitest";
import { openEventDatabase, type EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { computeOracleDigest } from "../oracle/computeOracleDigest.js";
import { digestMapMetrics } from "../oracle/digestMapMetrics.js";
import { compareDigests } from "../oracle/MetricsDigest.js";
import { type TouchpointRule, MetricsRequestSchema, type MetricsRequestInput, type MapSnapshot } from "@opencjm/core";
import { loadJourneyStore } from "../store/loadJourneyStore.js";
import { rebuildJourneyStore } from "../store/rebuildJourneyStore.js";
import { SENTIMENT_LANGUAGES } from "../sentiment/detectTextLanguage.js";
import { compileMapStructure } from "./compileMapStructure.js";
import { computeMapMetrics } from "./computeMapMetrics.js";
import { buildTestMap, testRule } from "./testing/buildTestMap.js";
import { generateSyntheticEvents } from "./testing/generateSyntheticEvents.js";

const open: EventDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** Registers the store's text sentiments (as the engine holds them, in float32) for the oracle's sentiment queries. */
async function registerSentiments(db: EventDatabase): Promise<string> {
  const store = await loadJourneyStore(db);
  await db.connection.run(
    "CREATE OR REPLACE TEMP TABLE text_sentiments (text VARCHAR, sentiment DOUBLE, language VARCHAR)",
  );
  const texts = store.texts();
  for (let start = 0; start < texts.length; start += 500) {
    const values = texts
      .slice(start, start + 500)
      .map(
        (t, j) =>
          `('${t.replace(/'/g, "''")}', ${store.textSentiment[start + j]}, '${SENTIMENT_LANGUAGES[store.textLanguage[start + j]!]}')`,
      );
    await db.connection.run(`INSERT INTO text_sentiments VALUES ${values.join(",")}`);
  }
  return "text_sentiments";
}

/** Runs the engine (in three partitions, to exercise merging) and the SQL oracle on the same input and compares. */
async function compare(db: EventDatabase, map: MapSnapshot, rules: TouchpointRule[], request: MetricsRequestInput) {
  const full = { ...request, options: { topPaths: 500, maxEdges: 10_000, sankeyDepth: 4, ...request.options } };
  const engine = await computeMapMetrics(db, { map, rules, request: full }, { partitions: 3 });
  const { filters, options } = MetricsRequestSchema.parse(full);
  const oracle = await computeOracleDigest(
    db.connection,
    { structure: compileMapStructure(map), rules, filters, options },
    await registerSentiments(db),
  );
  expect(compareDigests(digestMapMetrics(engine), oracle)).toEqual([]);
  return { engine, oracle };
}

const NAMES = [
  "ad_view",
  "ad_click",
  "landing",
  "blog_read",
  "pricing",
  "signup",
  "trial_start",
  "support_chat",
  "checkout",
  "purchase",
  "review",
  "referral",
];
const map = buildTestMap([
  {
    name: "Awareness",
    steps: [
      { name: "ad", touchpoints: ["tp_ad"] },
      { name: "content", touchpoints: ["tp_blog"], parallel: true },
    ],
  },
  {
    name: "Consideration",
    steps: [
      { name: "landing", touchpoints: ["tp_landing"] },
      { name: "pricing", touchpoints: ["tp_pricing"] },
    ],
  },
  {
    name: "Decision",
    steps: [
      { name: "signup", touchpoints: ["tp_signup", "tp_trial"] },
      { name: "checkout", touchpoints: ["tp_checkout"] },
    ],
  },
  { name: "Purchase", steps: [{ name: "purchase", touchpoints: ["tp_purchase"] }] },
  {
    name: "Advocacy",
    steps: [
      { name: "review", touchpoints: ["tp_review"] },
      { name: "referral", touchpoints: [] },
    ],
  },
]);
const rules = [
  testRule("tp_ad", { pattern: "ad_*" }),
  testRule("tp_blog", { eventNames: ["blog_read"] }),
  testRule("tp_landing", { eventNames: ["landing"], channel: "web" }),
  testRule("tp_pricing_big", {
    eventNames: ["pricing"],
    conditions: [{ property: "amount", operator: "gte", value: 500 }],
  }),
  testRule("tp_pricing", {
    eventNames: ["pricing"],
    conditions: [{ property: "page", operator: "neq", value: "/p4" }],
  }),
  testRule("tp_signup", { eventNames: ["signup"] }),
  testRule("tp_trial", { pattern: "trial_?tart" }),
  testRule("tp_support", { eventNames: ["support_chat"] }),
  testRule("tp_checkout", { eventNames: ["checkout"] }),
  testRule("tp_purchase", { eventNames: ["purchase"], channel: "web" }),
  testRule("tp_purchase", { eventNames: ["purchase"], channel: "app" }),
  testRule("tp_review", {
    eventNames: ["review"],
    conditions: [{ property: "page", operator: "in", value: ["/p1", "/p2", "/p3"] }],
  }),
];

describe("engine against the DuckDB SQL oracle on generated data", () => {
  it("agrees on every metric (loose order), and the known shape of the data shows in the answers", async () => {
    const db = await openEventDatabase(":memory:", "ws");
    open.push(db);
    await generateSyntheticEvents(db, {
      customers: 2000,
      events: 20_000,
      eventNames: NAMES,
      scorePercent: 20,
      textPercent: 15,
      propertiesPercent: 60,
      seed: 3,
    });
    await rebuildJourneyStore(db);
    const { engine } = await compare(db, map, rules, {});
    expect(engine.totals).toMatchObject({ customers: 2000, events: 20_000 });
    // Journeys mostly move forward: most customers see the first stage, and conversions happen.
    expect(engine.stages[0]!.customers).toBeGreaterThan(1500);
    expect(engine.steps[0]!.conversion!.converted).toBeGreaterThan(0);
    expect(engine.steps.some((s) => s.sentiment.quotes.length > 0)).toBe(true);
    expect(engine.unmapped.items.map((u) => u.eventName)).toContain("referral");
    expect(engine.conformance.missingTouchpoints.map((t) => t.touchpointId)).toEqual(
      expect.arrayContaining(["tp_support", "tp_pricing_big"]),
    );
  });

  it("agrees in strict order with a short window, a short session gap and every filter", async () => {
    const db = await openEventDatabase(":memory:", "ws");
    open.push(db);
    await generateSyntheticEvents(db, {
      customers: 1500,
      events: 16_000,
      eventNames: NAMES,
      scorePercent: 10,
      textPercent: 10,
      propertiesPercent: 50,
      seed: 11,
    });
    await rebuildJourneyStore(db);
    const { engine } = await compare(db, map, rules, {
      filters: {
        channels: ["web", "app"],
        from: "2024-01-01T02:00:00Z",
        to: "2024-01-02",
        segment: {
          match: "any",
          conditions: [
            { attribute: "country", operator: "in", value: ["DE", "CN"] },
            { attribute: "age", operator: "gte", value: 70 },
          ],
        },
      },
      options: { order: "strict", conversionWindowHours: 3, sessionGapMinutes: 50, includeOffMap: false },
    });
    expect(engine.totals.customers).toBeGreaterThan(0);
    expect(engine.totals.customers).toBeLessThan(1500);
    expect(engine.paths.nodes.every((n) => n.kind === "step")).toBe(true);
  });

  it("agrees on a map of more than 32 levels, where skipped levels span two words of the kernel's bitset", async () => {
    const db = await openEventDatabase(":memory:", "ws");
    open.push(db);
    // 45 event names; the first 40 are one step each (37 levels: three parallel pairs), so journeys skip across level 32.
    const names = Array.from({ length: 45 }, (_, i) => `e${String(i).padStart(2, "0")}`);
    const wide = buildTestMap(
      Array.from({ length: 8 }, (_, g) => ({
        name: `g${g}`,
        steps: Array.from({ length: 5 }, (_, i) => ({
          name: `st${g * 5 + i}`,
          touchpoints: [`tp${g * 5 + i}`],
          parallel: g % 3 === 1 && i === 4,
        })),
      })),
    );
    const wideRules = names.slice(0, 40).map((name, n) => testRule(`tp${n}`, { eventNames: [name] }));
    await generateSyntheticEvents(db, {
      customers: 1500,
      events: 15_000,
      eventNames: names,
      scorePercent: 10,
      textPercent: 5,
      seed: 5,
    });
    await rebuildJourneyStore(db);
    const { engine } = await compare(db, wide, wideRules, {});
    expect(compileMapStructure(wide).levelCount).toBeGreaterThan(32);
    // Skips reach beyond level 32.
    expect(engine.steps.slice(33).some((s) => s.skipped > 0)).toBe(true);
  });
});
