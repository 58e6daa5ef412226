import { MetricsRequestSchema, type MapMetrics, type MetricsRequestInput } from "@opencjm/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { computeMapMetrics } from "../../metrics/computeMapMetrics.js";
import { compileMapStructure } from "../../metrics/compileMapStructure.js";
import { buildTestMap, testRule } from "../../metrics/testing/buildTestMap.js";
import { generateSyntheticEvents } from "../../metrics/testing/generateSyntheticEvents.js";
import { insertEvents } from "../../metrics/testing/insertEvents.js";
import { computeOracleDigest } from "../../oracle/computeOracleDigest.js";
import { digestMapMetrics } from "../../oracle/digestMapMetrics.js";
import { compareDigests } from "../../oracle/MetricsDigest.js";
import { rebuildJourneyStore } from "../../store/rebuildJourneyStore.js";
import { openEventDatabase, type EventDatabase } from "../duckdb/openEventDatabase.js";
import { clickHouseTables } from "./clickhouseTables.js";
import { computeMapMetricsOnClickHouse } from "./computeMapMetricsOnClickHouse.js";
import { connectClickHouse, type ClickHouseEvents } from "./connectClickHouse.js";
import { publishEventsToClickHouse } from "./publishEvents.js";
import {
  clickhouseSkipReason,
  startTestClickHouseShards,
  type TestClickHouseShards,
} from "./testing/clickhouseShards.js";

// Public process-mining logs (pm4py test data, GPL-3.0, test fixtures only; see ../shared/cjm-research-data/README.md).
const LOGS = new URL("../../../../../../shared/cjm-research-data/event-logs/pm4py/", import.meta.url).pathname;

const NAMES = [
  "ad_view",
  "ad_click",
  "landing",
  "blog_read",
  "pricing",
  "signup",
  "trial_start",
  "checkout",
  "purchase",
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
  testRule("tp_purchase", { eventNames: ["purchase"] }),
];
const wide = { topPaths: 500, maxEdges: 10_000, sankeyDepth: 4 };

/** Everything but the moment of computing, the engine's own store generation and the draft's fresh random ids. */
const comparable = (m: MapMetrics) => ({
  ...m,
  computedAt: undefined,
  storeGeneration: undefined,
  draft: JSON.stringify(m.draft).replace(/"(id|stageId|laneId|stepId|order)":"[^"]*"/g, ""),
});

const skip = clickhouseSkipReason();
if (skip) console.warn(`ClickHouse engine tests skipped: ${skip}`);

describe.skipIf(skip !== undefined)("the ClickHouse engine on two local 18.16 shards", () => {
  let shards: TestClickHouseShards;
  let ch: ClickHouseEvents;
  const open: EventDatabase[] = [];
  let workspace = 0;

  beforeAll(async () => {
    shards = await startTestClickHouseShards();
    ch = connectClickHouse({ urls: shards.urls, cluster: shards.cluster, database: "opencjm_test" });
  }, 60_000);
  afterAll(async () => {
    await ch?.close();
    await shards?.stop();
  });
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });

  async function generated(seed: number): Promise<{ db: EventDatabase; ws: string }> {
    const db = await openEventDatabase(":memory:", "ws");
    open.push(db);
    await generateSyntheticEvents(db, {
      customers: 1500,
      events: 15_000,
      eventNames: NAMES,
      scorePercent: 20,
      textPercent: 15,
      propertiesPercent: 60,
      seed,
    });
    await rebuildJourneyStore(db);
    return { db, ws: `ws${++workspace}` };
  }

  /** Both engines on the same events and request: the same metrics, field for field. */
  async function expectSameOnBoth(db: EventDatabase, ws: string, request: MetricsRequestInput) {
    const duck = await computeMapMetrics(db, { map, rules, request }, { partitions: 3, workers: false });
    const click = await computeMapMetricsOnClickHouse(db, ch, ws, { map, rules, request });
    expect(comparable(click)).toEqual(comparable(duck));
    return click;
  }

  it("gives the DuckDB engine's metrics on generated data, with events spread over both shards", async () => {
    const { db, ws } = await generated(3);
    const published = await publishEventsToClickHouse(db, ch, ws);
    expect(published).toMatchObject({ events: 15_000, customers: 1500 });
    const perShard = await Promise.all(
      ch.shards.map(async (s) =>
        Number(
          await (
            await s.query({ query: `SELECT count() FROM ${clickHouseTables(ch, ws).local}`, format: "TabSeparated" })
          ).text(),
        ),
      ),
    );
    expect(perShard.every((n) => n > 3000)).toBe(true);
    const m = await expectSameOnBoth(db, ws, { options: wide });
    expect(m.totals).toMatchObject({ customers: 1500, events: 15_000 });
    expect(m.steps.some((s) => s.sentiment.quotes.length > 0)).toBe(true);
    await expectSameOnBoth(db, ws, { options: { ...wide, order: "strict" } });
  });

  it("pushes segment, channel and date filters into the shards and still answers as DuckDB does", async () => {
    const { db, ws } = await generated(11);
    await publishEventsToClickHouse(db, ch, ws);
    const filters = {
      channels: ["web", "app"],
      from: "2024-01-01T02:00:00Z",
      to: "2024-01-02",
      segment: {
        match: "any" as const,
        conditions: [
          { attribute: "country", operator: "in" as const, value: ["DE", "CN"] },
          { attribute: "age", operator: "gte" as const, value: 70 },
        ],
      },
    };
    const m = await expectSameOnBoth(db, ws, {
      filters,
      options: { ...wide, order: "strict", conversionWindowHours: 3, sessionGapMinutes: 50 },
    });
    expect(m.totals.customers).toBeGreaterThan(0);
    expect(m.totals.customers).toBeLessThan(1500);
    for (const only of [{ channels: ["web"] }, { from: "2024-01-01T06:00:00Z" }, { segment: filters.segment }])
      await expectSameOnBoth(db, ws, { filters: only, options: wide });
  });

  it("keeps an import all or nothing: a cancelled publication leaves the previous events visible", async () => {
    const { db, ws } = await generated(5);
    await publishEventsToClickHouse(db, ch, ws);
    const before = await computeMapMetricsOnClickHouse(db, ch, ws, { map, rules, request: { options: wide } });
    // A later import adds events (and a restitching renumbers customers); its publication is cancelled midway.
    await db.connection.run("DELETE FROM events WHERE customer_id % 3 = 0");
    const controller = new AbortController();
    await expect(
      publishEventsToClickHouse(db, ch, ws, {
        signal: controller.signal,
        onProgress: (sent) => sent > 0 && controller.abort(new Error("import cancelled")),
      }),
    ).rejects.toThrow("import cancelled");
    const after = await computeMapMetricsOnClickHouse(db, ch, ws, { map, rules, request: { options: wide } });
    expect(comparable(after)).toEqual(comparable(before));
    const parts = await Promise.all(
      ch.shards.map(async (s) =>
        (
          await (
            await s.query({
              query: `SELECT DISTINCT partition FROM system.parts WHERE table = '${clickHouseTables(ch, ws).local.split(".")[1]}' AND active`,
              format: "TabSeparated",
            })
          ).text()
        ).trim(),
      ),
    );
    expect(new Set(parts.filter((p) => p.length > 0)).size).toBe(1);
    // The next publication succeeds and the shards then answer for the new events.
    await rebuildJourneyStore(db);
    await publishEventsToClickHouse(db, ch, ws);
    const m = await expectSameOnBoth(db, ws, { options: wide });
    expect(m.totals.customers).toBeLessThan(before.totals.customers);
  });

  it("carries awkward text intact: tabs, line breaks, backslashes, quotes, empty channels and five scripts", async () => {
    const db = await openEventDatabase(":memory:", "ws");
    open.push(db);
    const odd = ["ad_\tview", "ad_click\n2", "landing\\N", "blog_read's", "pricing", "\\N", "送货", "ثبت‌نام", ""];
    await insertEvents(
      db,
      Array.from({ length: 60 }, (_, i) => ({
        customer: i % 7,
        at: `2024-03-0${1 + (i % 5)}T1${i % 10}:00:00Z`,
        name: odd[i % odd.length]!,
        channel: [null, "", "web", "we\tb", "\\N"][i % 5],
        score: i % 4 === 0 ? (i % 5) + 1 : undefined,
        kind: i % 4 === 0 ? (i % 8 === 0 ? " CSAT " : "nps") : undefined,
        text:
          i % 3 === 0
            ? ["太慢了\n很失望", "Great \\ quick\tservice", "ممنون، عالی بود", "'quoted' \\N"][i % 4]
            : undefined,
        properties: i % 2 === 0 ? { page: `/p${i % 3}\t`, note: "a\\b" } : undefined,
      })),
      { 2: { country: "DE\tx" }, 3: { country: "CN" } },
    );
    await rebuildJourneyStore(db);
    const ws = `ws${++workspace}`;
    await publishEventsToClickHouse(db, ch, ws);
    const m = await expectSameOnBoth(db, ws, { options: wide });
    expect(m.totals).toMatchObject({ events: 60, customers: 7 });
    expect(m.unmapped.items.map((u) => u.eventName)).toEqual(expect.arrayContaining(["landing\\N", "\\N", "", "送货"]));
    await expectSameOnBoth(db, ws, {
      filters: {
        channels: ["we\tb", "\\N"],
        segment: { match: "any", conditions: [{ attribute: "country", operator: "eq", value: "DE\tx" }] },
      },
      options: wide,
    });
  });

  it("answers in store order even when a shard's parts come out of order (the sorted read takes over)", async () => {
    const { db, ws } = await generated(13);
    const published = await publishEventsToClickHouse(db, ch, ws);
    const t = clickHouseTables(ch, ws);
    const moved = published.batch + 1;
    // Shard 0's events again under a new batch, in two inserts of interleaved customers: parts whose positions overlap.
    const shard = ch.shards[0]!;
    await shard.command({ query: `SYSTEM STOP MERGES` });
    try {
      for (const half of ["customer % 4 = 0", "customer % 4 = 2"])
        await shard.command({
          query: `INSERT INTO ${t.local} SELECT toUInt32(${moved}), customer, pos, ts_ms, key, score_kind, score, text_id, properties_id FROM ${t.local} WHERE batch = ${published.batch} AND ${half}`,
        });
      await ch.shards[1]!.command({
        query: `INSERT INTO ${t.local} SELECT toUInt32(${moved}), customer, pos, ts_ms, key, score_kind, score, text_id, properties_id FROM ${t.local} WHERE batch = ${published.batch}`,
      });
      await shard.command({
        query: `INSERT INTO ${t.dictionary} SELECT toUInt32(${moved}), kind, id, value, channel FROM ${t.dictionary} WHERE batch = ${published.batch}`,
      });
      const unsorted = await shard.query({
        query: `SELECT pos FROM ${t.local} WHERE batch = ${moved}`,
        format: "TabSeparated",
        clickhouse_settings: { max_threads: 1 },
      });
      const positions = (await unsorted.text()).trim().split("\n").map(Number);
      expect(positions.some((p, i) => i > 0 && p < positions[i - 1]!)).toBe(true);
      await shard.command({
        query: `INSERT INTO ${t.published} SELECT toUInt32(${moved}), customer_count, event_count, min_ts_ms, max_ts_ms FROM ${t.published} WHERE batch = ${published.batch}`,
      });
      await expectSameOnBoth(db, ws, { options: wide });
    } finally {
      await shard.command({ query: `SYSTEM START MERGES` });
    }
  });

  describe("the pm4py event logs", () => {
    async function loadCsvLog(file: string): Promise<{ db: EventDatabase; ws: string }> {
      const db = await openEventDatabase(":memory:", "ws");
      open.push(db);
      await db.connection.run(`
        INSERT INTO events
        SELECT 'pm4py', 'pm4py', n, n, (dense_rank() OVER (ORDER BY "case:concept:name") - 1)::INTEGER,
               timezone('UTC', "time:timestamp"::TIMESTAMPTZ), "concept:name", NULL, NULL, NULL, NULL, NULL
        FROM (SELECT *, row_number() OVER () AS n FROM read_csv('${LOGS}${file}', header = true, all_varchar = true))`);
      await db.connection.run("INSERT INTO customers SELECT DISTINCT customer_id, '{}'::JSON FROM events");
      await rebuildJourneyStore(db);
      const ws = `ws${++workspace}`;
      await publishEventsToClickHouse(db, ch, ws);
      return { db, ws };
    }

    it("running example and road traffic fines: the same digests as DuckDB, and the SQL oracle agrees", async () => {
      const logMap = buildTestMap([
        { name: "Request", steps: [{ name: "register", touchpoints: ["tp_register"] }] },
        {
          name: "Handling",
          steps: [
            { name: "examine", touchpoints: ["tp_examine"] },
            { name: "check", touchpoints: ["tp_check"], parallel: true },
            { name: "decide", touchpoints: ["tp_decide"] },
          ],
        },
        { name: "Outcome", steps: [{ name: "close", touchpoints: ["tp_close"] }] },
      ]);
      const logRules = [
        testRule("tp_register", { eventNames: ["register request", "Create Fine"] }),
        testRule("tp_examine", { pattern: "examine *" }),
        testRule("tp_check", { eventNames: ["check ticket", "Send Fine"] }),
        testRule("tp_decide", { eventNames: ["decide", "Insert Fine Notification", "Add penalty"] }),
        testRule("tp_close", { pattern: "*Payment*" }),
        testRule("tp_close", { pattern: "pay *" }),
        testRule("tp_close", { pattern: "reject*" }),
      ];
      for (const file of ["running-example.csv", "roadtraffic100traces.csv"]) {
        const { db, ws } = await loadCsvLog(file);
        for (const order of ["loose", "strict"] as const) {
          const request = { options: { ...wide, order, conversionWindowHours: 24 * 365, sessionGapMinutes: 60 * 24 } };
          const duck = await computeMapMetrics(db, { map: logMap, rules: logRules, request }, { workers: false });
          const click = await computeMapMetricsOnClickHouse(db, ch, ws, { map: logMap, rules: logRules, request });
          expect(compareDigests(digestMapMetrics(click), digestMapMetrics(duck)), `${file} ${order}`).toEqual([]);
          expect(comparable(click)).toEqual(comparable(duck));
          const { filters, options } = MetricsRequestSchema.parse(request);
          const oracle = await computeOracleDigest(db.connection, {
            structure: compileMapStructure(logMap),
            rules: logRules,
            filters,
            options,
          });
          expect(compareDigests(digestMapMetrics(click), oracle), `${file} ${order} oracle`).toEqual([]);
        }
      }
    });
  });
});
