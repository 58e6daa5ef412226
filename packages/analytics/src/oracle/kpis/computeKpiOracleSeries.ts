import type { DuckDBConnection } from "@duckdb/node-api";
import type { KpiBucket, MapSnapshot, MetricsFilters, MetricsOptions, TouchpointRule } from "@opencjm/core";
import { kpiBuckets } from "../../kpis/kpiBuckets.js";
import type { KpiSpec } from "../../kpis/KpiSpec.js";
import { pairMapOf } from "../../kpis/pairMapOf.js";
import { compileMapStructure, type MapStructure } from "../../metrics/compileMapStructure.js";
import { sqlString } from "../../queries/sqlText.js";
import { createMappedEvents } from "../mapped/createMappedEvents.js";
import { getConversion } from "../steps/getConversion.js";
import { getKpiUnitFacts } from "./getKpiUnitFacts.js";
import { kpiValueOfFacts } from "./kpiValueOfFacts.js";

/** One bucket's value of a KPI by the oracle, with what it stands on. */
export interface OraclePoint {
  start: number;
  value: number | null;
  sample: number;
}

const parseDate = (d: string) => Date.parse(d.length === 10 ? `${d}T00:00:00Z` : d);

/**
 * The SQL oracle of KPI series: per bucket, the mapped events of that bucket (the same filters, the bucket as date
 * range) and one query per fact — customers, scores and texts of the unit, and the pairwise conversion query —
 * turned into each KPI's value by the definitions in packages/analytics/README.md ("KPIs").
 */
export async function computeKpiOracleSeries(
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
  const fromMs = parseDate(filters.from!);
  const toMs = parseDate(filters.to!);
  const out = new Map<string, OraclePoint[]>(input.kpis.map((k) => [k.id, []]));
  for (const bucket of kpiBuckets(fromMs, toMs, input.bucket, 10_000)) {
    const bucketFilters = {
      ...filters,
      from: new Date(Math.max(bucket.start, fromMs)).toISOString(),
      to: new Date(Math.min(bucket.end, toMs)).toISOString(),
    };
    // The KPIs on the map share one mapped table per bucket; each pair of steps gets its own.
    const groups = new Map<string, KpiSpec[]>();
    for (const kpi of input.kpis) {
      const key = kpi.anchor.kind === "step" && kpi.toStepId ? `${kpi.anchor.stepId}>${kpi.toStepId}` : "";
      groups.set(key, [...(groups.get(key) ?? []), kpi]);
    }
    for (const [key, kpis] of groups) {
      const [from, to] = key.split(">");
      const map = key ? pairMapOf(input.map, from!, to!) : input.map;
      const structure = compileMapStructure(map);
      await createMappedEvents(connection, TABLE, { structure, rules: input.rules, filters: bucketFilters, options });
      for (const kpi of kpis) {
        const point = await oracleValue(connection, structure, kpi, options, sentiments);
        out.get(kpi.id)!.push({ start: bucket.start, ...point });
      }
    }
  }
  await connection.run(`DROP TABLE IF EXISTS ${TABLE}`);
  return out;
}

const TABLE = "oracle_kpi_events";

async function oracleValue(
  connection: DuckDBConnection,
  structure: MapStructure,
  kpi: KpiSpec,
  options: MetricsOptions,
  sentiments: string,
): Promise<{ value: number | null; sample: number }> {
  const { anchor } = kpi;
  const idx =
    anchor.kind === "step"
      ? structure.steps.findIndex((s) => s.id === anchor.stepId)
      : anchor.kind === "stage"
        ? structure.stages.findIndex((g) => g.id === anchor.stageId)
        : -1;
  const unit =
    anchor.kind === "touchpoint"
      ? { column: "touchpoint" as const, value: sqlString(anchor.touchpointId) }
      : { column: anchor.kind, value: String(idx) };
  const facts = await getKpiUnitFacts(connection, TABLE, sentiments, unit);
  const conversions = await getConversion(connection, TABLE, {
    by: anchor.kind === "stage" ? "stage" : "step",
    windowMs: options.conversionWindowHours * 3_600_000,
    strict: options.order === "strict",
  });
  return kpiValueOfFacts(
    kpi,
    facts,
    conversions.find((c) => c.idx === idx),
  );
}
