import { afterEach, describe, expect, it } from "vitest";
import { openEventDatabase, type EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { importEvents } from "../importers/importEvents.js";
import { computeOracleDigest } from "../oracle/computeOracleDigest.js";
import { digestMapMetrics } from "../oracle/digestMapMetrics.js";
import { compareDigests } from "../oracle/MetricsDigest.js";
import { rebuildJourneyStore } from "../store/rebuildJourneyStore.js";
import { compileMapStructure } from "./compileMapStructure.js";
import { computeMapMetrics } from "./computeMapMetrics.js";
import { MetricsRequestSchema } from "@opencjm/core";
import { buildTestMap, testRule } from "./testing/buildTestMap.js";

// Public process-mining logs (pm4py test data, GPL-3.0, test fixtures only; see ../shared/cjm-research-data/README.md).
const LOGS = new URL("../../../../../shared/cjm-research-data/event-logs/pm4py/", import.meta.url).pathname;

const open: EventDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** Loads a pm4py CSV log straight into the event tables with DuckDB's read_csv (one case = one customer). */
async function loadCsvLog(file: string): Promise<EventDatabase> {
  const db = await openEventDatabase(":memory:", "ws");
  open.push(db);
  await db.connection.run(`
    INSERT INTO events
    SELECT 'pm4py', 'pm4py', n, n, (dense_rank() OVER (ORDER BY "case:concept:name") - 1)::INTEGER,
           timezone('UTC', "time:timestamp"::TIMESTAMPTZ), "concept:name", NULL, NULL, NULL, NULL, NULL
    FROM (SELECT *, row_number() OVER () AS n FROM read_csv('${LOGS}${file}', header = true, all_varchar = true))`);
  await db.connection.run("INSERT INTO customers SELECT DISTINCT customer_id, '{}'::JSON FROM events");
  await rebuildJourneyStore(db);
  return db;
}

// The complaint-handling process of the running example as a designed journey.
const runningMap = buildTestMap([
  { name: "Request", steps: [{ name: "register", touchpoints: ["tp_register"] }] },
  {
    name: "Examination",
    steps: [
      { name: "casually", touchpoints: ["tp_casually"] },
      { name: "thoroughly", touchpoints: ["tp_thoroughly"], parallel: true },
      { name: "check", touchpoints: ["tp_check"] },
    ],
  },
  {
    name: "Decision",
    steps: [
      { name: "decide", touchpoints: ["tp_decide"] },
      { name: "pay", touchpoints: ["tp_pay"] },
      { name: "reject", touchpoints: ["tp_reject"], parallel: true },
    ],
  },
]);
const runningRules = [
  testRule("tp_register", { eventNames: ["register request"] }),
  testRule("tp_casually", { eventNames: ["examine casually"] }),
  testRule("tp_thoroughly", { eventNames: ["examine thoroughly"] }),
  testRule("tp_check", { eventNames: ["check ticket"] }),
  testRule("tp_decide", { eventNames: ["decide"] }),
  testRule("tp_pay", { eventNames: ["pay compensation"] }),
  testRule("tp_reject", { pattern: "reject*" }),
];

/** The answers read off the running example's six traces by hand. */
function expectRunningExampleAnswers(m: Awaited<ReturnType<typeof computeMapMetrics>>) {
  expect(m.totals).toMatchObject({ customers: 6, events: 42 });
  expect(m.steps.map((s) => [s.name, s.customers, s.events])).toEqual([
    ["register", 6, 6],
    ["casually", 4, 6],
    ["thoroughly", 3, 3],
    ["check", 6, 9],
    ["decide", 6, 9],
    ["pay", 3, 3],
    ["reject", 3, 3],
  ]);
  expect(m.funnel.steps.map((f) => f.customers)).toEqual([6, 6, 4, 4, 4]);
  // Case 5 goes "examine casually → decide" after a reinitiation, jumping over "check ticket": three journeys skip.
  expect(m.conformance).toMatchObject({ customers: 6, conforming: 2, withSkips: 3, withBackSteps: 4, withLoops: 2 });
  expect(m.steps.map((s) => s.skipped)).toEqual([0, 2, 2, 3, 0, 0, 0]);
  expect(m.steps.map((s) => s.revisits)).toEqual([0, 2, 0, 3, 3, 0, 0]);
  expect(m.stages.map((s) => [s.backSteps, s.backStepCustomers, s.loops, s.loopCustomers])).toEqual([
    [0, 0, 0, 0],
    [3, 3, 5, 2],
    [3, 2, 3, 2],
  ]);
  expect(m.unmapped.items).toEqual([{ eventName: "reinitiate request", channel: null, events: 3, customers: 2 }]);
  const edge = (from: string, to: string) => m.paths.edges.find((e) => e.from === from && e.to === to)?.count;
  expect([
    edge("p_register", "p_casually"),
    edge("p_register", "p_check"),
    edge("p_register", "p_thoroughly"),
    edge("p_check", "p_decide"),
  ]).toEqual([3, 2, 1, 6]);
  expect(m.paths.variants.distinct).toBe(6);
}

describe("the pm4py event logs", () => {
  it("running example (CSV): the known answers, and the SQL oracle agrees on every metric", async () => {
    const db = await loadCsvLog("running-example.csv");
    const request = { options: { conversionWindowHours: 24 * 365, topPaths: 50, maxEdges: 1000 } };
    const m = await computeMapMetrics(db, { map: runningMap, rules: runningRules, request });
    expectRunningExampleAnswers(m);
    const { filters, options } = MetricsRequestSchema.parse(request);
    const oracle = await computeOracleDigest(db.connection, {
      structure: compileMapStructure(runningMap),
      rules: runningRules,
      filters,
      options,
    });
    expect(compareDigests(digestMapMetrics(m), oracle)).toEqual([]);
  });

  it("running example (XES, through the importer): the same answers as the CSV", async () => {
    const db = await openEventDatabase(":memory:", "ws");
    open.push(db);
    await importEvents(db, {
      path: `${LOGS}running-example.xes`,
      source: { name: "pm4py running example", kind: "other" },
      format: "xes",
      mapping: {
        columns: {
          "case:concept:name": { role: "identifier", kind: "customerId" },
          "concept:name": { role: "event" },
          "time:timestamp": { role: "timestamp" },
        },
      },
    });
    const m = await computeMapMetrics(db, {
      map: runningMap,
      rules: runningRules,
      request: { options: { conversionWindowHours: 24 * 365 } },
    });
    expectRunningExampleAnswers(m);
  });

  it("road traffic fines (100 traces, CSV): the SQL oracle agrees on every metric, loose and strict", async () => {
    const db = await loadCsvLog("roadtraffic100traces.csv");
    const map = buildTestMap([
      {
        name: "Fine",
        steps: [
          { name: "create", touchpoints: ["tp_create"] },
          { name: "send", touchpoints: ["tp_send"] },
          { name: "notify", touchpoints: ["tp_notify"] },
        ],
      },
      {
        name: "Appeal",
        steps: [
          { name: "appeal", touchpoints: ["tp_appeal"] },
          { name: "prefecture", touchpoints: ["tp_prefecture"], parallel: true },
        ],
      },
      {
        name: "Outcome",
        steps: [
          { name: "penalty", touchpoints: ["tp_penalty"] },
          { name: "payment", touchpoints: ["tp_payment"] },
          { name: "collection", touchpoints: ["tp_collection"], parallel: true },
        ],
      },
    ]);
    const rules = [
      testRule("tp_create", { eventNames: ["Create Fine"] }),
      testRule("tp_send", { eventNames: ["Send Fine"] }),
      testRule("tp_notify", { eventNames: ["Insert Fine Notification"] }),
      testRule("tp_appeal", { pattern: "Insert Date Appeal*" }),
      testRule("tp_prefecture", { pattern: "* Appeal *Prefecture" }),
      testRule("tp_penalty", { eventNames: ["Add penalty"] }),
      testRule("tp_payment", { eventNames: ["Payment"] }),
      testRule("tp_collection", { eventNames: ["Send for Credit Collection"] }),
    ];
    for (const order of ["loose", "strict"] as const) {
      const request = {
        options: {
          order,
          conversionWindowHours: 24 * 365,
          sessionGapMinutes: 60 * 24 * 30,
          topPaths: 500,
          maxEdges: 1000,
        },
      };
      const m = await computeMapMetrics(db, { map, rules, request }, { partitions: 2 });
      expect(m.totals).toMatchObject({ customers: 100, events: 390 });
      expect(m.steps[0]!.customers).toBe(100);
      const { filters, options } = MetricsRequestSchema.parse(request);
      const oracle = await computeOracleDigest(db.connection, {
        structure: compileMapStructure(map),
        rules,
        filters,
        options,
      });
      expect(compareDigests(digestMapMetrics(m), oracle), order).toEqual([]);
    }
  });
});
