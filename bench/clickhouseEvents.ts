// Benchmark (issue 18): a map's metrics from events on two ClickHouse shards (Debian's 18.16, started here on loopback)
// against the DuckDB engine on the same data, and ClickHouse's own windowFunnel for the funnel part alone. Both
// engines' answers are checked to be identical. Both shards share this machine with the engine and DuckDB, so this
// measures the cost of the per-shard streams, not a cluster's speed (the projection is in packages/analytics/README.md).
// Size: BENCH_CLICKHOUSE_EVENTS (default 1000000), 10 events per customer.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import {
  computeMapMetrics,
  computeMapMetricsOnClickHouse,
  connectClickHouse,
  openEventDatabase,
  publishEventsToClickHouse,
  rebuildJourneyStore,
} from "@opencjm/analytics";
import {
  buildTestMap,
  compareDigests,
  digestMapMetrics,
  generateSyntheticEvents,
  startTestClickHouseShards,
  testRule,
} from "@opencjm/analytics/testing";

const EVENTS = Number(process.env.BENCH_CLICKHOUSE_EVENTS ?? 1_000_000);
const NAMES = Array.from({ length: 12 }, (_, i) => `event_${String(i).padStart(2, "0")}`);
const STEPS = 8;
const map = buildTestMap(
  [0, 1, 2, 3].map((g) => ({
    name: `stage${g + 1}`,
    steps: [0, 1].map((i) => ({ name: `step${g * 2 + i + 1}`, touchpoints: [`tp_${g * 2 + i}`] })),
  })),
);
const rules = Array.from({ length: STEPS }, (_, s) => testRule(`tp_${s}`, { eventNames: [NAMES[s]!] }));
const request = { options: { conversionWindowHours: 24 * 7, topPaths: 100, maxEdges: 1000 } };

async function best(runs: number, f: () => Promise<unknown>): Promise<number> {
  let fastest = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await f();
    fastest = Math.min(fastest, (performance.now() - start) / 1000);
  }
  return Number(fastest.toFixed(3));
}

const dir = mkdtempSync(join(tmpdir(), "opencjm-bench-clickhouse-"));
const shards = await startTestClickHouseShards();
const ch = connectClickHouse({ urls: shards.urls, cluster: shards.cluster, database: "opencjm_bench" });
try {
  const loadAverageAtStart = Number(loadavg()[0]!.toFixed(2));
  const db = await openEventDatabase(dir, "bench");
  const generateSeconds = await best(1, () =>
    generateSyntheticEvents(db, { customers: EVENTS / 10, events: EVENTS, eventNames: NAMES, seed: 7 }),
  );
  const journeyStoreSeconds = await best(1, () => rebuildJourneyStore(db));
  const start = performance.now();
  const published = await publishEventsToClickHouse(db, ch, "bench");
  const publishSeconds = Number(((performance.now() - start) / 1000).toFixed(3));

  const duck = await computeMapMetrics(db, { map, rules, request });
  const click = await computeMapMetricsOnClickHouse(db, ch, "bench", { map, rules, request });
  const differing = compareDigests(digestMapMetrics(click), digestMapMetrics(duck));
  const duckdbSeconds = await best(3, () => computeMapMetrics(db, { map, rules, request }));
  const clickhouseSeconds = await best(3, () =>
    computeMapMetricsOnClickHouse(db, ch, "bench", { map, rules, request }),
  );

  // ClickHouse's own funnel over the same steps and window (a loose funnel from any first-step event; ours starts at
  // the customer's first one, so the counts may differ slightly: this times the funnel part alone). Events carry
  // dictionary numbers, so each step's condition is the set of keys of its event name (on any channel).
  const dictionaryRows = await (
    await ch.shards[0]!.query({
      query: `SELECT id, value FROM opencjm_bench.ws_bench_dictionary_v2 WHERE batch = ${published.batch} AND kind = 0`,
      format: "TabSeparated",
    })
  ).text();
  const keysOf = (name: string) =>
    dictionaryRows
      .split("\n")
      .map((l) => l.split("\t"))
      .filter(([, value]) => value === name)
      .map(([id]) => id);
  const conditions = NAMES.slice(0, STEPS)
    .map((n) => `key IN (${keysOf(n).join(", ")})`)
    .join(", ");
  const funnelSql = `SELECT level, count() FROM (
      SELECT customer, windowFunnel(${7 * 24 * 3600})(toDateTime(intDiv(toInt64(ts_ms), 1000)), ${conditions}) AS level
      FROM opencjm_bench.ws_bench_events_v2 WHERE batch = ${published.batch} GROUP BY customer)
    GROUP BY level ORDER BY level`;
  let windowFunnelLevels = "";
  const windowFunnelSeconds = await best(3, async () => {
    // Customers never span shards, so each shard's per-customer levels are final: no merging of funnel states.
    windowFunnelLevels = await (
      await ch.shards[0]!.query({
        query: funnelSql,
        format: "TabSeparated",
        clickhouse_settings: { distributed_group_by_no_merge: "1" },
      })
    ).text();
  });
  const result = {
    benchmark: "ClickHouse events (two local 18.16 shards) vs the DuckDB engine",
    date: new Date().toISOString(),
    cores: availableParallelism(),
    loadAverageAtStart,
    loadAverage: Number(loadavg()[0]!.toFixed(2)),
    events: published.events,
    customers: published.customers,
    steps: STEPS,
    generateSeconds,
    journeyStoreSeconds,
    publishSeconds,
    publishEventsPerSecond: Math.round(published.events / publishSeconds),
    duckdbSeconds,
    clickhouseSeconds,
    ratioClickhouseToDuckdb: Number((clickhouseSeconds / duckdbSeconds).toFixed(2)),
    windowFunnelSeconds,
    ratioClickhouseToWindowFunnel: Number((clickhouseSeconds / windowFunnelSeconds).toFixed(2)),
    funnelEngine: click.funnel.steps.map((s) => s.customers),
    funnelWindowFunnel: windowFunnelLevels
      .trim()
      .split("\n")
      .map((l) => l.split("\t").map(Number)),
    identical: differing.length === 0,
    differing,
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/clickhouseEvents-${EVENTS}.json`, `${JSON.stringify(result, null, 2)}\n`);
  db.close();
} finally {
  await ch.close();
  await shards.stop();
  rmSync(dir, { recursive: true, force: true });
}
