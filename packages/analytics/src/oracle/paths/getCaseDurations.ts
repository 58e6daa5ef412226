import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** Cases and their durations: per path variant, and (nodes null) over every customer in scope. */
export interface CaseDurationRow {
  nodes: string[] | null;
  cases: number;
  medianMs: number;
  p90Ms: number;
}

/**
 * Oracle: a case is a customer's events in scope, its duration the last event's time minus the first's; variants are
 * the customers' path nodes with consecutive repeats collapsed; median and 90th percentile by nearest rank.
 */
export function getCaseDurations(connection: DuckDBConnection, table: string): Promise<CaseDurationRow[]> {
  return readRows<CaseDurationRow>(
    connection,
    `WITH d AS (SELECT customer_id, max(t) - min(t) AS dur FROM ${table} GROUP BY customer_id),
     p AS (SELECT customer_id, seq, node, lag(node) OVER (PARTITION BY customer_id ORDER BY seq) AS prev FROM ${table} WHERE node IS NOT NULL),
     v AS (SELECT customer_id, list(node ORDER BY seq) AS nodes FROM p WHERE prev IS NULL OR prev <> node GROUP BY customer_id),
     r AS (
       SELECT v.nodes, d.dur, row_number() OVER (PARTITION BY v.nodes ORDER BY d.dur) AS r, count(*) OVER (PARTITION BY v.nodes) AS n
       FROM d JOIN v USING (customer_id)
       UNION ALL
       SELECT NULL, dur, row_number() OVER (ORDER BY dur), count(*) OVER () FROM d)
     SELECT nodes, any_value(n) AS cases,
            max(dur) FILTER (WHERE r = (n + 1) // 2) AS "medianMs",
            max(dur) FILTER (WHERE r = (9 * n + 9) // 10) AS "p90Ms"
     FROM r GROUP BY nodes`,
  );
}
