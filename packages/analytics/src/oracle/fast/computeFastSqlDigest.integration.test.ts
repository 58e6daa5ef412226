import { afterEach, describe, expect, it } from "vitest";
import { MetricsRequestSchema, type MetricsRequestInput } from "@opencjm/core";
import { openEventDatabase, type EventDatabase } from "../../engines/duckdb/openEventDatabase.js";
import { compileMapStructure } from "../../metrics/compileMapStructure.js";
import { buildTestMap, testRule } from "../../metrics/testing/buildTestMap.js";
import { generateSyntheticEvents } from "../../metrics/testing/generateSyntheticEvents.js";
import { computeOracleDigest } from "../computeOracleDigest.js";
import { compareDigests } from "../MetricsDigest.js";
import { computeFastSqlDigest } from "./computeFastSqlDigest.js";

const open: EventDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const NAMES = ["ad_view", "landing", "blog_read", "pricing", "signup", "trial_start", "checkout", "purchase", "review"];
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
]);
const rules = [
  testRule("tp_ad", { pattern: "ad_*" }),
  testRule("tp_blog", { eventNames: ["blog_read"] }),
  testRule("tp_landing", { eventNames: ["landing"], channel: "web" }),
  testRule("tp_pricing", {
    eventNames: ["pricing"],
    conditions: [{ property: "page", operator: "neq", value: "/p4" }],
  }),
  testRule("tp_signup", { eventNames: ["signup"] }),
  testRule("tp_trial", { pattern: "trial_?tart" }),
  testRule("tp_checkout", { eventNames: ["checkout"] }),
  testRule("tp_purchase", { eventNames: ["purchase"], channel: "web" }),
];

async function bothDigests(db: EventDatabase, request: MetricsRequestInput) {
  const { filters, options } = MetricsRequestSchema.parse(request);
  const input = { structure: compileMapStructure(map), rules, filters, options };
  return {
    fast: await computeFastSqlDigest(db.connection, input),
    oracle: await computeOracleDigest(db.connection, input),
  };
}

describe("the fast SQL baseline of the benchmark", () => {
  it("gives the oracle's answers while returning only the top paths (loose order)", async () => {
    const db = await openEventDatabase(":memory:", "ws");
    open.push(db);
    await generateSyntheticEvents(db, {
      customers: 800,
      events: 8_000,
      eventNames: NAMES,
      scorePercent: 20,
      textPercent: 10,
      propertiesPercent: 60,
      seed: 5,
    });
    const { fast, oracle } = await bothDigests(db, { options: { topPaths: 5 } });
    expect(compareDigests(fast, oracle)).toEqual([]);
    expect(fast.variantCount).toBe(oracle.variantCount);
    expect(Object.keys(fast.variants).length).toBeLessThan(oracle.variantCount);
    expect(fast.variantOthers).toBeGreaterThan(0);
    expect(fast.sessions.count).toBeGreaterThan(800);
  });

  it("gives the oracle's answers in strict order under every filter", async () => {
    const db = await openEventDatabase(":memory:", "ws");
    open.push(db);
    await generateSyntheticEvents(db, {
      customers: 700,
      events: 7_500,
      eventNames: NAMES,
      scorePercent: 10,
      propertiesPercent: 50,
      seed: 9,
    });
    const { fast, oracle } = await bothDigests(db, {
      filters: {
        channels: ["web", "app"],
        from: "2024-01-01T02:00:00Z",
        to: "2024-01-02",
        segment: { match: "any", conditions: [{ attribute: "country", operator: "in", value: ["DE", "CN"] }] },
      },
      options: { order: "strict", conversionWindowHours: 3, sessionGapMinutes: 50, includeOffMap: false, topPaths: 3 },
    });
    expect(compareDigests(fast, oracle)).toEqual([]);
    expect(fast.totals.customers).toBeGreaterThan(0);
    expect(fast.totals.customers).toBeLessThan(700);
  });
});
