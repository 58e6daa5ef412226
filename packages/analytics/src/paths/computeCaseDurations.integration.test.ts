import { MetricsRequestSchema, type MetricsRequestInput } from "@opencjm/core";
import { afterEach, describe, expect, it } from "vitest";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { compileMapStructure } from "../metrics/compileMapStructure.js";
import { buildTestMap, testRule } from "../metrics/testing/buildTestMap.js";
import { createMappedEvents } from "../oracle/mapped/createMappedEvents.js";
import { getCaseDurations } from "../oracle/paths/getCaseDurations.js";
import { computeCaseDurations } from "./computeCaseDurations.js";
import { loadProcessLog } from "./testing/loadProcessLog.js";

const open: EventDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const emptyMap = buildTestMap([]);
const finesMap = buildTestMap([
  {
    name: "Fine",
    steps: [
      { name: "create", touchpoints: ["tp_create"] },
      { name: "send", touchpoints: ["tp_send"] },
    ],
  },
  { name: "Outcome", steps: [{ name: "payment", touchpoints: ["tp_payment"] }] },
]);
const finesRules = [
  testRule("tp_create", { eventNames: ["Create Fine"] }),
  testRule("tp_send", { eventNames: ["Send Fine"] }),
  testRule("tp_payment", { eventNames: ["Payment"] }),
];

/** The engine's case durations next to the SQL oracle's, in one shape: "all" and each listed variant's path. */
async function bothWays(
  db: EventDatabase,
  map = emptyMap,
  rules = [] as typeof finesRules,
  request: MetricsRequestInput = {},
) {
  const engine = await computeCaseDurations(db, {
    map,
    rules,
    request: { ...request, options: { topPaths: 500, ...request.options } },
  });
  const { filters, options } = MetricsRequestSchema.parse({
    ...request,
    options: { topPaths: 500, ...request.options },
  });
  await createMappedEvents(db.connection, "oracle_events", {
    structure: compileMapStructure(map),
    rules,
    filters,
    options,
  });
  const rows = await getCaseDurations(db.connection, "oracle_events");
  await db.connection.run("DROP TABLE oracle_events");
  const key = (nodes: string[] | null) => (nodes ? nodes.join(" → ") : "all");
  const sql = Object.fromEntries(rows.map((r) => [key(r.nodes), [r.cases, r.medianMs, r.p90Ms]]));
  const mine = Object.fromEntries([
    ["all", [engine.cases.count, engine.cases.medianMs, engine.cases.p90Ms]],
    ...engine.variants.map((v) => [key(v.nodes), [v.customers, v.duration.medianMs, v.duration.p90Ms]]),
  ]);
  return { engine, mine, sql };
}

describe("case durations per variant, as process analysts ask for them", () => {
  it("running example: every case's throughput time equals SQL over the same events, overall and per variant", async () => {
    const db = await loadProcessLog("running-example.csv");
    open.push(db);
    const { engine, mine, sql } = await bothWays(db);
    expect(engine.cases.count).toBe(6);
    expect(engine.variants).toHaveLength(6);
    expect(mine).toEqual(sql);
    // Complaints take weeks: the p90 is over two weeks, the median over a week.
    expect(engine.cases.p90Ms!).toBeGreaterThan(14 * 86_400_000);
    expect(engine.cases.medianMs!).toBeGreaterThan(7 * 86_400_000);
  });

  it("road traffic fines: the engine equals SQL with and without a map, and under a date filter", async () => {
    const db = await loadProcessLog("roadtraffic100traces.csv");
    open.push(db);
    const plain = await bothWays(db);
    expect(plain.engine.cases.count).toBe(100);
    expect(plain.mine).toEqual(plain.sql);
    const mapped = await bothWays(db, finesMap, finesRules);
    expect(mapped.mine).toEqual(mapped.sql);
    const filtered = await bothWays(db, finesMap, finesRules, { filters: { from: "2002-01-01", to: "2006-01-01" } });
    expect(filtered.engine.cases.count).toBeLessThan(100);
    expect(filtered.mine).toEqual(filtered.sql);
  });

  it("lists the most common variants first, states the conversion window, and shares add up to one", async () => {
    const db = await loadProcessLog("roadtraffic100traces.csv");
    open.push(db);
    const result = await computeCaseDurations(db, { map: emptyMap, rules: [], request: { options: { topPaths: 3 } } });
    expect(result.variants).toHaveLength(3);
    const counts = result.variants.map((v) => v.customers);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(result.conversionWindowHours).toBe(MetricsRequestSchema.parse({}).options.conversionWindowHours);
    const all = await computeCaseDurations(db, { map: emptyMap, rules: [], request: { options: { topPaths: 500 } } });
    expect(all.variants.reduce((n, v) => n + (v.share ?? 0), 0)).toBeCloseTo(1, 9);
  });
});
