import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** Time spent (ms) per step (`activity` null) and per activity (`step` null). */
export interface TimeSpentRow {
  step: number | null;
  activity: string | null;
  timeMs: number;
}

/** Oracle: the time spent at an event is the gap to the customer's next event when it is within the session gap, else 0. */
export function getTimeSpent(
  connection: DuckDBConnection,
  table: string,
  p: { gapMs: number },
): Promise<TimeSpentRow[]> {
  return readRows<TimeSpentRow>(
    connection,
    `WITH g AS (SELECT step, activity, lead(t) OVER (PARTITION BY customer_id ORDER BY seq) - t AS gap FROM ${table})
     SELECT step, activity, sum(CASE WHEN gap <= ${p.gapMs} THEN gap ELSE 0 END) AS "timeMs"
     FROM g GROUP BY GROUPING SETS ((step), (activity)) HAVING step IS NOT NULL OR activity IS NOT NULL`,
  );
}
