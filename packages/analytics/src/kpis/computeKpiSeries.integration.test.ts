import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KpiBucket, MetricsRequestSchema, type MetricsFilters } from "@opencjm/core";
import { openEventDatabase, type EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { buildTestMap, testRule } from "../metrics/testing/buildTestMap.js";
import { generateSyntheticEvents } from "../metrics/testing/generateSyntheticEvents.js";
import { computeKpiOracleSeries } from "../oracle/kpis/computeKpiOracleSeries.js";
import { computeKpiSeriesInSql } from "../oracle/kpis/computeKpiSeriesInSql.js";
import { SENTIMENT_LANGUAGES } from "../sentiment/detectTextLanguage.js";
import { loadJourneyStore } from "../store/loadJourneyStore.js";
import { rebuildJourneyStore } from "../store/rebuildJourneyStore.js";
import { computeKpiSeries } from "./computeKpiSeries.js";
import { KpiSpecError, type KpiSpec } from "./KpiSpec.js";

const NAMES = ["ad_view", "landing", "pricing", "signup", "checkout", "purchase", "review"];
const map = buildTestMap([
  { name: "Awareness", steps: [{ name: "ad", touchpoints: ["tp_ad"] }] },
  {
    name: "Consideration",
    steps: [
      { name: "landing", touchpoints: ["tp_landing"] },
      { name: "pricing", touchpoints: ["tp_pricing"], parallel: true },
    ],
  },
  {
    name: "Decision",
    steps: [
      { name: "signup", touchpoints: ["tp_signup"] },
      { name: "checkout", touchpoints: ["tp_checkout"] },
    ],
  },
  {
    name: "Purchase",
    steps: [
      { name: "purchase", touchpoints: ["tp_purchase"] },
      { name: "review", touchpoints: ["tp_review"] },
    ],
  },
]);
const rules = [
  testRule("tp_ad", { pattern: "ad_*" }),
  testRule("tp_landing", { eventNames: ["landing"] }),
  testRule("tp_pricing", {
    eventNames: ["pricing"],
    conditions: [{ property: "page", operator: "neq", value: "/p4" }],
  }),
  testRule("tp_signup", { eventNames: ["signup"] }),
  testRule("tp_checkout", { eventNames: ["checkout"] }),
  testRule("tp_purchase", { eventNames: ["purchase"] }),
  testRule("tp_review", { eventNames: ["review"] }),
];

const step = (name: string) => ({ kind: "step" as const, stepId: `p_${name}` });
const stage = (name: string) => ({ kind: "stage" as const, stageId: `s_${name}` });
/** Every data KPI kind, on steps, stages and a touchpoint, and conversions between two steps. */
const KPIS: KpiSpec[] = [
  { id: "reach_step", measure: "reach", anchor: step("landing") },
  { id: "reach_stage", measure: "reach", anchor: stage("Decision") },
  { id: "reach_tp", measure: "reach", anchor: { kind: "touchpoint", touchpointId: "tp_checkout" } },
  { id: "conv_step", measure: "conversion", anchor: step("ad") },
  { id: "conv_pair", measure: "conversion", anchor: step("landing"), toStepId: "p_purchase" },
  { id: "conv_stage", measure: "conversion", anchor: stage("Consideration") },
  { id: "drop_step", measure: "dropOff", anchor: step("signup") },
  { id: "drop_pair", measure: "dropOff", anchor: step("ad"), toStepId: "p_checkout" },
  { id: "median_step", measure: "medianTime", anchor: step("checkout") },
  { id: "p90_pair", measure: "p90Time", anchor: step("pricing"), toStepId: "p_review" },
  { id: "median_stage", measure: "medianTime", anchor: stage("Awareness") },
  { id: "csat_step", measure: "csat", anchor: step("pricing") },
  { id: "nps_stage", measure: "nps", anchor: stage("Purchase") },
  { id: "ces_step", measure: "ces", anchor: step("signup") },
  { id: "neg_step", measure: "negativeShare", anchor: step("purchase") },
  { id: "neg_stage", measure: "negativeShare", anchor: stage("Decision") },
];

let db: EventDatabase;
beforeAll(async () => {
  db = await openEventDatabase(":memory:", "ws");
  await generateSyntheticEvents(db, {
    customers: 900,
    events: 9_000,
    eventNames: NAMES,
    scorePercent: 25,
    textPercent: 20,
    propertiesPercent: 50,
    seed: 7,
  });
  // The generator starts every journey within two days; spread customers over 90 days so buckets differ.
  await db.connection.run("UPDATE events SET ts = ts + to_days((customer_id % 90)::INTEGER)");
  await rebuildJourneyStore(db);
  const store = await loadJourneyStore(db);
  await db.connection.run("CREATE TEMP TABLE text_sentiments (text VARCHAR, sentiment DOUBLE, language VARCHAR)");
  const texts = store.texts();
  const values = texts.map(
    (t, j) =>
      `('${t.replace(/'/g, "''")}', ${store.textSentiment[j]}, '${SENTIMENT_LANGUAGES[store.textLanguage[j]!]}')`,
  );
  if (values.length) await db.connection.run(`INSERT INTO text_sentiments VALUES ${values.join(",")}`);
});
afterAll(() => db.close());

const round = (v: number | null) => (v === null ? null : Math.round(v * 1e9) / 1e9);

async function compare(bucket: KpiBucket, filters: MetricsFilters, order: "loose" | "strict" = "loose") {
  const request = { filters, options: { order } };
  const engine = await computeKpiSeries(
    db,
    { map, rules, kpis: KPIS, request, bucket, maxBuckets: 400 },
    { partitions: 2 },
  );
  const { options } = MetricsRequestSchema.parse(request);
  const oracle = await computeKpiOracleSeries(
    db.connection,
    { map, rules, kpis: KPIS, filters, options, bucket },
    "text_sentiments",
  );
  // The benchmark's baseline (all buckets in grouped queries) must give the oracle's answers too.
  const grouped = await computeKpiSeriesInSql(
    db.connection,
    { map, rules, kpis: KPIS, filters, options, bucket },
    "text_sentiments",
  );
  const points = (series: Map<string, Array<{ start: number; value: number | null; sample: number }>>, id: string) =>
    series.get(id)!.map((p) => ({ start: p.start, value: round(p.value), sample: p.sample }));
  for (const kpi of KPIS) {
    const sql = points(oracle, kpi.id);
    expect({ kpi: kpi.id, points: points(engine, kpi.id) }).toEqual({ kpi: kpi.id, points: sql });
    expect({ kpi: kpi.id, points: points(grouped, kpi.id) }).toEqual({ kpi: kpi.id, points: sql });
  }
  return engine;
}

// The oracle recomputes every bucket with DuckDB SQL; on a shared two-core machine that takes a while.
describe("KPI series against the SQL oracle on generated events", { timeout: 180_000 }, () => {
  it("agrees on every data KPI per day, and the days really differ", async () => {
    const engine = await compare("day", { from: "2024-01-10", to: "2024-01-20" });
    const reach = engine.get("reach_step")!;
    expect(reach).toHaveLength(10);
    expect(new Set(reach.map((p) => p.value)).size).toBeGreaterThan(1);
    expect(engine.get("csat_step")!.some((p) => p.value !== null)).toBe(true);
    expect(engine.get("neg_step")!.some((p) => (p.value ?? 0) > 0)).toBe(true);
  });

  it("agrees per ISO week, with a range that starts mid-week", async () => {
    const engine = await compare("week", { from: "2024-01-03T12:00:00Z", to: "2024-02-26" });
    // 2024-01-03 is a Wednesday: the first bucket starts on Monday 1 January.
    expect(new Date(engine.get("reach_stage")![0]!.start).toISOString()).toBe("2024-01-01T00:00:00.000Z");
  });

  it("agrees per month with channel and segment filters", async () => {
    const engine = await compare("month", {
      from: "2024-01-01",
      to: "2024-04-05",
      channels: ["web", "app"],
      segment: { match: "all", conditions: [{ attribute: "country", operator: "in", value: ["DE", "CN", "IR"] }] },
    });
    expect(engine.get("reach_tp")!).toHaveLength(4);
  });

  it("agrees in strict order, where another level between two steps breaks the conversion", async () => {
    const loose = await compare("week", { from: "2024-01-01", to: "2024-02-05" });
    const strict = await compare("week", { from: "2024-01-01", to: "2024-02-05" }, "strict");
    const converted = (series: typeof loose) => series.get("conv_stage")!.reduce((n, p) => n + (p.value ?? 0), 0);
    expect(converted(strict)).toBeLessThan(converted(loose));
  });

  it("refuses a KPI between a step and itself, an unknown step and too many buckets", async () => {
    const run = (kpis: KpiSpec[], to = "2024-02-01") =>
      computeKpiSeries(db, {
        map,
        rules,
        kpis,
        request: { filters: { from: "2024-01-01", to } },
        bucket: "day",
        maxBuckets: 400,
      });
    await expect(run([{ id: "x", measure: "conversion", anchor: step("ad"), toStepId: "p_ad" }])).rejects.toMatchObject(
      {
        code: "kpi_same_step",
      },
    );
    await expect(run([{ id: "x", measure: "reach", anchor: step("nope") }])).rejects.toBeInstanceOf(KpiSpecError);
    await expect(run([{ id: "x", measure: "reach", anchor: step("ad") }], "2030-01-01")).rejects.toThrow(/buckets/);
  });
});
