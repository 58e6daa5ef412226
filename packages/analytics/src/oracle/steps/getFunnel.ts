import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** Customers reaching each level (or stage) of the funnel. */
export interface FunnelRow {
  idx: number;
  customers: number;
}

/**
 * Oracle: the funnel from the first level (or stage). It starts at the customer's first event there; loose order
 * takes, level after level, the first later event at the next level within the window of the start; strict order
 * reads the customer's later levels with repeats collapsed and stops at the first that is not the next one (or is
 * past the window).
 */
export function getFunnel(
  connection: DuckDBConnection,
  table: string,
  p: { by: "step" | "stage"; windowMs: number; strict: boolean },
): Promise<FunnelRow[]> {
  const level = p.by === "step" ? "level" : "stage";
  const start = `SELECT customer_id, min(seq) AS seq, arg_min(t, seq) AS t0 FROM ${table} WHERE ${level} = 0 GROUP BY customer_id`;
  if (!p.strict) {
    return readRows<FunnelRow>(
      connection,
      `WITH RECURSIVE f(customer_id, k, seq, t0) AS (
         SELECT customer_id, 0, seq, t0 FROM (${start})
         UNION ALL
         SELECT f.customer_id, f.k + 1, min(e.seq), any_value(f.t0)
         FROM f JOIN ${table} e ON e.customer_id = f.customer_id AND e.${level} = f.k + 1 AND e.seq > f.seq AND e.t - f.t0 <= ${p.windowMs}
         GROUP BY f.customer_id, f.k)
       SELECT k AS idx, count(*) AS customers FROM f GROUP BY k`,
    );
  }
  return readRows<FunnelRow>(
    connection,
    `WITH s AS (${start}),
     later AS (
       SELECT e.customer_id, e.seq, e.t, e.${level} AS lvl, s.t0, lag(e.${level}) OVER (PARTITION BY e.customer_id ORDER BY e.seq) AS prev
       FROM ${table} e JOIN s ON s.customer_id = e.customer_id WHERE e.seq >= s.seq AND e.${level} IS NOT NULL),
     runs AS (
       SELECT customer_id, lvl, t, t0, row_number() OVER (PARTITION BY customer_id ORDER BY seq) - 1 AS r FROM later WHERE prev IS NULL OR prev <> lvl),
     reached AS (
       SELECT customer_id, coalesce(min(r) FILTER (WHERE lvl <> r OR t - t0 > ${p.windowMs}), max(r) + 1) AS levels FROM runs GROUP BY customer_id),
     levels AS (SELECT unnest(range(levels)) AS idx FROM reached)
     SELECT idx, count(*) AS customers FROM levels GROUP BY idx`,
  );
}
