// Benchmark (issue 14): the series of 20 KPIs of mixed kinds (reach, conversion, drop-off, median and p90 time, CSAT,
// NPS, CES, share of negative feedback; on steps, stages, a touchpoint and between two steps) over generated events,
// daily over 28 days and weekly over 12 weeks, with the product's engine (computeKpiSeries: the one-pass kernel per
// bucket) against the same series computed by the best DuckDB SQL we can write (computeKpiSeriesInSql in
// packages/analytics/src/oracle/kpis/: the events mapped once, every bucket's facts and conversions in one grouped
// query per unit kind; its answers are checked equal to the per-bucket oracle in computeKpiSeries.integration.test.ts),
// in the same process on the same data. The answers are checked to agree before the ratio is printed. Size: BENCH_KPI_EVENTS (default 10 million), 10 events
// per customer.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import {
  MAP_DOCUMENT_VERSION,
  MapSettingsSchema,
  MapSnapshotSchema,
  MetricsRequestSchema,
  type KpiBucket,
  type MapSnapshot,
  type MetricsFilters,
} from "@opencjm/core";
import {
  computeKpiSeries,
  loadJourneyStore,
  openEventDatabase,
  rebuildJourneyStore,
  type EventDatabase,
  type KpiSpec,
  type TouchpointRule,
} from "@opencjm/analytics";
import { computeKpiSeriesInSql, generateSyntheticEvents } from "@opencjm/analytics/testing";

const EVENTS = Number(process.env.BENCH_KPI_EVENTS ?? 10_000_000);
const NAMES = [
  "ad_view",
  "landing",
  "search",
  "product",
  "pricing",
  "signup",
  "basket",
  "checkout",
  "purchase",
  "review",
];
const STAGES: Array<[string, string[]]> = [
  ["Aware", ["ad_view", "landing"]],
  ["Consider", ["search", "product", "pricing"]],
  ["Decide", ["signup", "basket", "checkout"]],
  ["Buy", ["purchase", "review"]],
];

/** A 10-step map in four stages with one touchpoint per step, and the rule that maps each event name to it. */
function kpiMap(): { map: MapSnapshot; rules: TouchpointRule[] } {
  const order = (i: number) => `a${String(i).padStart(3, "0")}`;
  const stages = STAGES.map(([name], g) => ({ id: `s_${name}`, name, description: "", order: order(g) }));
  const steps = STAGES.flatMap(([stage, names]) =>
    names.map((name, i) => ({
      id: `p_${name}`,
      stageId: `s_${stage}`,
      name,
      description: "",
      parallel: false,
      order: order(i),
    })),
  );
  const cells = steps.map((s) => ({
    laneId: "lane_tp",
    stepId: s.id,
    cards: [
      {
        id: `card_${s.name}`,
        order: "a0",
        kind: "touchpoint",
        touchpointId: `tp_${s.name}`,
        note: "",
        evidence: { level: "assumption", refs: [] },
      },
    ],
  }));
  const map = MapSnapshotSchema.parse({
    version: MAP_DOCUMENT_VERSION,
    settings: MapSettingsSchema.parse({ title: "KPI bench", type: "currentState" }),
    stages,
    steps,
    lanes: [{ id: "lane_tp", type: "touchpoints", name: "Touchpoints", collapsed: false, hidden: false, order: "a0" }],
    cells,
    emotions: [],
  });
  const rules = NAMES.map((name, i): TouchpointRule => ({
    id: `r${i}`,
    order: order(i),
    touchpointId: `tp_${name}` as TouchpointRule["touchpointId"],
    eventNames: [name],
    conditions: [],
  }));
  return { map, rules };
}

const step = (name: string) => ({ kind: "step" as const, stepId: `p_${name}` });
const stage = (name: string) => ({ kind: "stage" as const, stageId: `s_${name}` });
/** Twenty KPIs of every kind the product computes. */
const KPIS: KpiSpec[] = [
  { id: "reach_landing", measure: "reach", anchor: step("landing") },
  { id: "reach_decide", measure: "reach", anchor: stage("Decide") },
  { id: "reach_tp_checkout", measure: "reach", anchor: { kind: "touchpoint", touchpointId: "tp_checkout" } },
  { id: "conv_ad", measure: "conversion", anchor: step("ad_view") },
  { id: "conv_landing_purchase", measure: "conversion", anchor: step("landing"), toStepId: "p_purchase" },
  { id: "conv_consider", measure: "conversion", anchor: stage("Consider") },
  { id: "conv_basket", measure: "conversion", anchor: step("basket") },
  { id: "drop_signup", measure: "dropOff", anchor: step("signup") },
  { id: "drop_product_checkout", measure: "dropOff", anchor: step("product"), toStepId: "p_checkout" },
  { id: "drop_pricing", measure: "dropOff", anchor: step("pricing") },
  { id: "median_checkout", measure: "medianTime", anchor: step("checkout") },
  { id: "median_aware", measure: "medianTime", anchor: stage("Aware") },
  { id: "p90_search", measure: "p90Time", anchor: step("search") },
  { id: "p90_pricing_review", measure: "p90Time", anchor: step("pricing"), toStepId: "p_review" },
  { id: "csat_pricing", measure: "csat", anchor: step("pricing") },
  { id: "csat_buy", measure: "csat", anchor: stage("Buy") },
  { id: "nps_buy", measure: "nps", anchor: stage("Buy") },
  { id: "ces_signup", measure: "ces", anchor: step("signup") },
  { id: "neg_purchase", measure: "negativeShare", anchor: step("purchase") },
  { id: "neg_decide", measure: "negativeShare", anchor: stage("Decide") },
];

const seconds = (ms: number) => +(ms / 1000).toFixed(3);
const round = (v: number | null) => (v === null ? null : Math.round(v * 1e9) / 1e9);

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await f();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** The sentiment of every distinct text, as the engine scored it, for the SQL side to join (as journeyMetrics does). */
async function registerSentiments(db: EventDatabase): Promise<string> {
  const store = await loadJourneyStore(db);
  await db.connection.run(
    "CREATE OR REPLACE TEMP TABLE text_sentiments (text VARCHAR, sentiment DOUBLE, language VARCHAR)",
  );
  const languages = ["und", "en", "zh-Hans", "zh-Hant", "ru", "fa"];
  const values = store
    .texts()
    .map((t, i) => `('${t.replace(/'/g, "''")}', ${store.textSentiment[i]}, '${languages[store.textLanguage[i]!]}')`);
  if (values.length) await db.connection.run(`INSERT INTO text_sentiments VALUES ${values.join(",")}`);
  return "text_sentiments";
}

async function benchSeries(db: EventDatabase, bucket: KpiBucket, filters: MetricsFilters, sentiments: string) {
  const { map, rules } = kpiMap();
  const input = { map, rules, kpis: KPIS, request: { filters }, bucket, maxBuckets: 400 };
  let engine = await computeKpiSeries(db, input); // warm-up: JIT and worker threads
  const load = loadavg()[0]!;
  const runs: Array<{ ms: number; cpuMs: number }> = [];
  for (let i = 0; i < 3; i++) {
    const run = await timed(() => computeKpiSeries(db, input));
    runs.push(run);
    engine = run.value;
  }
  runs.sort((a, b) => a.ms - b.ms);
  const median = runs[1]!;
  const { options } = MetricsRequestSchema.parse({ filters });
  const sql = await timed(() =>
    computeKpiSeriesInSql(db.connection, { map, rules, kpis: KPIS, filters, options, bucket }, sentiments),
  );
  const differing: string[] = [];
  for (const kpi of KPIS) {
    const mine = engine.get(kpi.id)!.map((p) => `${p.start}:${round(p.value)}:${p.sample}`);
    const theirs = sql.value.get(kpi.id)!.map((p) => `${p.start}:${round(p.value)}:${p.sample}`);
    if (mine.join() !== theirs.join()) differing.push(kpi.id);
  }
  const buckets = engine.get(KPIS[0]!.id)!.length;
  console.log(
    `  ${bucket}, ${buckets} buckets: engine ${seconds(median.ms)} s (median of 3: ${runs.map((r) => seconds(r.ms)).join(", ")}; CPU ${seconds(median.cpuMs)} s), hand-written DuckDB SQL ${seconds(sql.ms)} s (CPU ${seconds(sql.cpuMs)} s), ratio ${(sql.ms / median.ms).toFixed(1)}×, answers identical: ${differing.length === 0 ? "yes" : `NO (${differing.join(", ")})`}; load ${load.toFixed(1)}`,
  );
  return {
    bucket,
    buckets,
    kpis: KPIS.length,
    engineSeconds: seconds(median.ms),
    engineRunsSeconds: runs.map((r) => seconds(r.ms)),
    engineCpuSeconds: seconds(median.cpuMs),
    sqlSeconds: seconds(sql.ms),
    sqlCpuSeconds: seconds(sql.cpuMs),
    ratio: +(sql.ms / median.ms).toFixed(2),
    identical: differing.length === 0,
    differing,
    loadAverage: +load.toFixed(2),
  };
}

const dir = mkdtempSync(join(tmpdir(), "cjm-bench-kpis-"));
const db = await openEventDatabase(dir, "bench");
try {
  // Two cores, as PRODUCT.md §6 measures; the SQL side gets the same threads.
  await db.connection.run(`SET threads = ${Math.min(2, availableParallelism())}`);
  await db.connection.run(`SET memory_limit = '${process.env.BENCH_DUCKDB_MEMORY ?? "12GB"}'`);
  await db.connection.run("SET preserve_insertion_order = false");
  const customers = EVENTS / 10;
  console.log(
    `${EVENTS.toLocaleString("en")} events, ${customers.toLocaleString("en")} customers, ${KPIS.length} KPIs`,
  );
  const generate = await timed(() =>
    generateSyntheticEvents(db, {
      customers,
      events: EVENTS,
      eventNames: NAMES,
      scorePercent: 5,
      textPercent: 2,
      seed: 42,
    }),
  );
  const build = await timed(() => rebuildJourneyStore(db));
  console.log(`  generated in ${seconds(generate.ms)} s, journey store built in ${seconds(build.ms)} s`);
  const sentiments = await registerSentiments(db);
  // The generated journeys start over the first 60 days of 2024.
  const daily = await benchSeries(db, "day", { from: "2024-01-15", to: "2024-02-12" }, sentiments);
  const weekly = await benchSeries(db, "week", { from: "2024-01-01", to: "2024-03-25" }, sentiments);
  mkdirSync(new URL("../results/", import.meta.url), { recursive: true });
  const result = {
    benchmark: "KPI series",
    date: new Date().toISOString(),
    cores: availableParallelism(),
    node: process.version,
    events: EVENTS,
    customers,
    generateSeconds: seconds(generate.ms),
    storeBuildSeconds: seconds(build.ms),
    baseline:
      "DuckDB SQL: events mapped once, every bucket's facts and conversions in one grouped query per unit kind (packages/analytics/src/oracle/kpis/computeKpiSeriesInSql.ts)",
    results: [daily, weekly],
  };
  writeFileSync(
    new URL(`../results/kpiSeries-${EVENTS}.json`, import.meta.url),
    `${JSON.stringify(result, null, 2)}\n`,
  );
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
