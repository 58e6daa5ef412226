import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** What one step, stage or touchpoint saw: customers, score sums and counts by kind, texts and negative texts. */
export interface KpiUnitFacts {
  customers: number;
  csatSum: number | null;
  csatCount: number;
  npsCount: number;
  promoters: number;
  detractors: number;
  cesSum: number | null;
  cesCount: number;
  texts: number;
  negatives: number;
}

/**
 * Oracle: the facts a KPI is read from, for the events of one unit of the mapped events table (`column` = "step",
 * "stage" or "touchpoint", equal to `value`), with texts scored by the `sentiments` table.
 */
export async function getKpiUnitFacts(
  connection: DuckDBConnection,
  table: string,
  sentiments: string,
  unit: { column: "step" | "stage" | "touchpoint"; value: string },
): Promise<KpiUnitFacts> {
  const score = (kind: string) => `e.kind = '${kind}' AND e.score IS NOT NULL AND isfinite(e.score)`;
  const [row] = await readRows<KpiUnitFacts>(
    connection,
    `SELECT count(DISTINCT e.customer_id) AS customers,
            sum(e.score) FILTER (WHERE ${score("csat")}) AS "csatSum", count(*) FILTER (WHERE ${score("csat")}) AS "csatCount",
            count(*) FILTER (WHERE ${score("nps")}) AS "npsCount",
            count(*) FILTER (WHERE ${score("nps")} AND e.score >= 9) AS promoters,
            count(*) FILTER (WHERE ${score("nps")} AND e.score <= 6) AS detractors,
            sum(e.score) FILTER (WHERE ${score("ces")}) AS "cesSum", count(*) FILTER (WHERE ${score("ces")}) AS "cesCount",
            count(s.text) AS texts, count(*) FILTER (WHERE s.sentiment < 0) AS negatives
     FROM ${table} e LEFT JOIN ${sentiments} s ON s.text = e.text
     WHERE e.${unit.column} = ${unit.value}`,
  );
  return row!;
}
