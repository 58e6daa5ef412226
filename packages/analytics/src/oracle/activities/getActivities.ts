import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** An activity (`tp:<touchpoint>` or `event:<name>`) with its events, customers and summed first positions. */
export interface ActivityRow {
  activity: string;
  events: number;
  customers: number;
  positionSum: number;
}

/**
 * Oracle: per activity, events and customers, and the sum over customers of where the activity first occurs in their
 * activity sequence (consecutive repeats collapsed), scaled to 0 (first) … 1 (last).
 */
export function getActivities(connection: DuckDBConnection, table: string): Promise<ActivityRow[]> {
  return readRows<ActivityRow>(
    connection,
    `WITH a AS (SELECT customer_id, seq, activity, lag(activity) OVER (PARTITION BY customer_id ORDER BY seq) AS prev FROM ${table}),
     r AS (SELECT customer_id, activity, row_number() OVER w - 1 AS idx, count(*) OVER (PARTITION BY customer_id) AS n
           FROM a WHERE prev IS NULL OR prev <> activity WINDOW w AS (PARTITION BY customer_id ORDER BY seq)),
     f AS (SELECT activity, customer_id, min(idx) AS first, any_value(n) AS n FROM r GROUP BY activity, customer_id),
     e AS (SELECT activity, count(*) AS events FROM ${table} GROUP BY activity)
     SELECT f.activity, any_value(e.events) AS events, count(*) AS customers, sum(CASE WHEN f.n > 1 THEN f.first / (f.n - 1) ELSE 0 END) AS "positionSum"
     FROM f JOIN e ON e.activity = f.activity GROUP BY f.activity`,
  );
}
