import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** Score sums and counts per step and kind, with NPS promoters (9–10) and detractors (0–6). */
export interface ScoreRow {
  step: number;
  kind: "csat" | "nps" | "ces";
  sum: number;
  count: number;
  promoters: number;
  detractors: number;
}

/** Oracle: scores of the three known kinds (kind matched case-insensitively) at each step. */
export function getScores(connection: DuckDBConnection, table: string): Promise<ScoreRow[]> {
  return readRows<ScoreRow>(
    connection,
    `SELECT step, kind, sum(score) AS sum, count(*) AS count,
            count(*) FILTER (WHERE score >= 9) AS promoters, count(*) FILTER (WHERE score <= 6) AS detractors
     FROM ${table} WHERE step IS NOT NULL AND score IS NOT NULL AND isfinite(score) AND kind IN ('csat', 'nps', 'ces')
     GROUP BY step, kind`,
  );
}
