import type { DuckDBConnection } from "@duckdb/node-api";
import type { KpiBucket, MapSnapshot, MetricsFilters, MetricsOptions, TouchpointRule } from "@opencjm/core";
import { kpiBuckets } from "../../kpis/kpiBuckets.js";
import type { KpiSpec } from "../../kpis/KpiSpec.js";
import { pairMapOf } from "../../kpis/pairMapOf.js";
import { compileMapStructure, type MapStructure } from "../../metrics/compileMapStructure.js";
import { readRows } from "../../queries/readRows.js";
import { createMappedEvents } from "../mapped/createMappedEvents.js";
import type { OraclePoint } from "./computeKpiOracleSeries.js";
import type { KpiUnitFacts } from "./getKpiUnitFacts.js";
import { kpiValueOfFacts, type KpiConversionFacts } from "./kpiValueOfFacts.js";

const BASE = "kpi_sql_events";
const TABLE = "kpi_sql_bucketed";
const parseDate = (d: string) => Date.parse(d.length === 10 ? `${d}T00:00:00Z` : d);

/**
 * KPI series in the best DuckDB SQL we can write, the benchmark's baseline (bench/kpiSeries.ts): where the oracle
 * (computeKpiOracleSeries) rebuilds the mapped events and asks one query per fact for every bucket, this maps the
 * events once for the whole range, tags each with its bucket (an ASOF join on the bucket starts), numbers each
 * customer's events within the bucket, and reads every unit's facts and every conversion for all buckets in one
 * grouped query per unit kind. Its answers equal the oracle's (computeKpiSeries.integration.test.ts checks).
 */
export async function computeKpiSeriesInSql(
  connection: DuckDBConnection,
  input: {
    map: MapSnapshot;
    rules: readonly TouchpointRule[];
    kpis: readonly KpiSpec[];
    filters: MetricsFilters;
    options: MetricsOptions;
    bucket: KpiBucket;
  },
  sentiments: string,
): Promise<Map<string, OraclePoint[]>> {
  const { filters, options } = input;
  const buckets = kpiBuckets(parseDate(filters.from!), parseDate(filters.to!), input.bucket, 10_000);
  const out = new Map<string, OraclePoint[]>(input.kpis.map((k) => [k.id, []]));
  // The KPIs on the map share one mapped table; each pair of steps gets its own (its own levels).
  const groups = new Map<string, KpiSpec[]>();
  for (const kpi of input.kpis) {
    const key = kpi.anchor.kind === "step" && kpi.toStepId ? `${kpi.anchor.stepId}>${kpi.toStepId}` : "";
    groups.set(key, [...(groups.get(key) ?? []), kpi]);
  }
  for (const [key, kpis] of groups) {
    const [from, to] = key.split(">");
    const structure = compileMapStructure(key ? pairMapOf(input.map, from!, to!) : input.map);
    await createMappedEvents(connection, BASE, { structure, rules: input.rules, filters, options });
    await connection.run(`
      CREATE OR REPLACE TEMP TABLE ${TABLE} AS
      SELECT m.* EXCLUDE (seq), b.bucket, row_number() OVER (PARTITION BY b.bucket, m.customer_id ORDER BY m.pos) AS seq
      FROM ${BASE} m ASOF JOIN (VALUES ${buckets.map((b, i) => `(${i}, ${b.start}::DOUBLE)`).join(", ")}) AS b(bucket, start)
        ON m.t >= b.start`);
    const facts = new Map<string, KpiUnitFacts>();
    const conversions = new Map<string, KpiConversionFacts>();
    const kinds = new Set(kpis.map((k) => k.anchor.kind));
    for (const kind of kinds) {
      for (const row of await getBucketedFacts(connection, sentiments, kind))
        facts.set(`${kind}:${row.bucket}:${row.unit}`, row);
    }
    const windowMs = options.conversionWindowHours * 3_600_000;
    for (const by of ["step", "stage"] as const) {
      if (!kpis.some((k) => k.anchor.kind === by || (by === "step" && k.anchor.kind === "touchpoint"))) continue;
      for (const row of await getBucketedConversion(connection, { by, windowMs, strict: options.order === "strict" })) {
        conversions.set(`${by}:${row.bucket}:${row.idx}`, row);
      }
    }
    for (const kpi of kpis) {
      const { kind, unit, idx } = unitOf(kpi, structure);
      for (const [b, bucket] of buckets.entries()) {
        const fact = facts.get(`${kind}:${b}:${unit}`) ?? NO_FACTS;
        const conversion = conversions.get(`${kind === "stage" ? "stage" : "step"}:${b}:${idx}`);
        out.get(kpi.id)!.push({ start: bucket.start, ...kpiValueOfFacts(kpi, fact, conversion) });
      }
    }
  }
  await connection.run(`DROP TABLE IF EXISTS ${TABLE}`);
  await connection.run(`DROP TABLE IF EXISTS ${BASE}`);
  return out;
}

const NO_FACTS: KpiUnitFacts = {
  customers: 0,
  csatSum: null,
  csatCount: 0,
  npsCount: 0,
  promoters: 0,
  detractors: 0,
  cesSum: null,
  cesCount: 0,
  texts: 0,
  negatives: 0,
};

/** The column a KPI's unit is read from, its value there, and its index for conversions (-1 for a touchpoint). */
function unitOf(
  kpi: KpiSpec,
  structure: MapStructure,
): { kind: "step" | "stage" | "touchpoint"; unit: string; idx: number } {
  const { anchor } = kpi;
  if (anchor.kind === "touchpoint") return { kind: "touchpoint", unit: anchor.touchpointId, idx: -1 };
  const idx =
    anchor.kind === "step"
      ? structure.steps.findIndex((s) => s.id === anchor.stepId)
      : structure.stages.findIndex((g) => g.id === anchor.stageId);
  return { kind: anchor.kind, unit: String(idx), idx };
}

/** Every unit's facts in every bucket, in one grouped query. */
function getBucketedFacts(
  connection: DuckDBConnection,
  sentiments: string,
  column: "step" | "stage" | "touchpoint",
): Promise<Array<KpiUnitFacts & { bucket: number; unit: string }>> {
  const score = (kind: string) => `e.kind = '${kind}' AND e.score IS NOT NULL AND isfinite(e.score)`;
  return readRows(
    connection,
    `SELECT e.bucket, e.${column}::VARCHAR AS unit, count(DISTINCT e.customer_id) AS customers,
            sum(e.score) FILTER (WHERE ${score("csat")}) AS "csatSum", count(*) FILTER (WHERE ${score("csat")}) AS "csatCount",
            count(*) FILTER (WHERE ${score("nps")}) AS "npsCount",
            count(*) FILTER (WHERE ${score("nps")} AND e.score >= 9) AS promoters,
            count(*) FILTER (WHERE ${score("nps")} AND e.score <= 6) AS detractors,
            sum(e.score) FILTER (WHERE ${score("ces")}) AS "cesSum", count(*) FILTER (WHERE ${score("ces")}) AS "cesCount",
            count(s.text) AS texts, count(*) FILTER (WHERE s.sentiment < 0) AS negatives
     FROM ${TABLE} e LEFT JOIN ${sentiments} s ON s.text = e.text
     WHERE e.${column} IS NOT NULL
     GROUP BY e.bucket, e.${column}`,
  );
}

/**
 * Pairwise conversion per bucket, as the oracle's getConversion defines it, with the bucket in every grouping: from
 * each customer's first event at a unit in the bucket, an event at the next level later in the same bucket. Times
 * never decrease along a customer's events, so the nearest later event is the earliest: loose order takes it with an
 * ASOF join instead of the oracle's join to every later event; strict order numbers runs of equal level with one
 * window pass and reads the head of the run after the first event's own.
 */
function getBucketedConversion(
  connection: DuckDBConnection,
  p: { by: "step" | "stage"; windowMs: number; strict: boolean },
): Promise<Array<KpiConversionFacts & { bucket: number; idx: number }>> {
  const level = p.by === "step" ? "level" : "stage";
  const leveled = `SELECT bucket, customer_id, seq, t, ${level} AS lv FROM ${TABLE} WHERE ${level} IS NOT NULL`;
  const converted = p.strict
    ? `marked AS (
         SELECT *, lv IS DISTINCT FROM lag(lv) OVER (PARTITION BY bucket, customer_id ORDER BY seq) AS head FROM (${leveled})),
       runs AS (
         SELECT *, sum(head::INTEGER) OVER (PARTITION BY bucket, customer_id ORDER BY seq ROWS UNBOUNDED PRECEDING) AS run
         FROM marked),
       conv AS (
         SELECT f.bucket, f.idx, f.customer_id, h.t - f.ft AS dt
         FROM first f
         JOIN runs own ON own.bucket = f.bucket AND own.customer_id = f.customer_id AND own.seq = f.fseq
         JOIN runs h ON h.bucket = f.bucket AND h.customer_id = f.customer_id AND h.run = own.run + 1 AND h.head
         WHERE h.lv = f.lvl + 1 AND h.t - f.ft <= ${p.windowMs})`
    : `conv AS (
         SELECT f.bucket, f.idx, f.customer_id, e.t - f.ft AS dt
         FROM first f ASOF JOIN (${leveled}) e
           ON e.bucket = f.bucket AND e.customer_id = f.customer_id AND e.lv = f.lvl + 1 AND f.fseq < e.seq
         WHERE e.t - f.ft <= ${p.windowMs})`;
  return readRows(
    connection,
    `WITH first AS (
       SELECT bucket, customer_id, ${p.by} AS idx, any_value(${level}) AS lvl, min(seq) AS fseq, arg_min(t, seq) AS ft
       FROM ${TABLE} WHERE ${p.by} IS NOT NULL GROUP BY bucket, customer_id, ${p.by}),
     ${converted},
     ranked AS (
       SELECT bucket, idx, dt, row_number() OVER (PARTITION BY bucket, idx ORDER BY dt) AS r,
              count(*) OVER (PARTITION BY bucket, idx) AS n
       FROM conv)
     SELECT bucket, idx, any_value(n) AS converted,
            max(dt) FILTER (WHERE r = (n + 1) // 2) AS "medianMs",
            max(dt) FILTER (WHERE r = (9 * n + 9) // 10) AS "p90Ms"
     FROM ranked GROUP BY bucket, idx`,
  );
}
