import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** Customers converting from a step (or stage) to the next, with the nearest-rank median and 90th percentile of the time it took (ranked with a window, which DuckDB can spill to disk). */
export interface ConversionRow {
  idx: number;
  converted: number;
  medianMs: number;
  p90Ms: number;
}

/**
 * Oracle: pairwise conversion. From each customer's first event at a step, the customer converts when an event at the
 * next level follows within the window (loose), or when the first later event at another level is at the next level
 * and within the window (strict). For stages, the stage index plays the level.
 */
export function getConversion(
  connection: DuckDBConnection,
  table: string,
  p: { by: "step" | "stage"; windowMs: number; strict: boolean },
): Promise<ConversionRow[]> {
  const unit = p.by;
  const level = p.by === "step" ? "level" : "stage";
  const converted = p.strict
    ? `nxt AS (
         SELECT f.idx, f.customer_id, f.lvl, f.ft, arg_min(e.${level}, e.seq) AS nl, arg_min(e.t, e.seq) AS nt
         FROM first f JOIN ${table} e ON e.customer_id = f.customer_id AND e.seq > f.fseq AND e.${level} IS NOT NULL AND e.${level} <> f.lvl
         GROUP BY f.idx, f.customer_id, f.lvl, f.ft),
       conv AS (SELECT idx, customer_id, nt - ft AS dt FROM nxt WHERE nl = lvl + 1 AND nt - ft <= ${p.windowMs})`
    : `conv AS (
         SELECT f.idx, f.customer_id, min(e.t - f.ft) AS dt
         FROM first f JOIN ${table} e ON e.customer_id = f.customer_id AND e.seq > f.fseq AND e.${level} = f.lvl + 1 AND e.t - f.ft <= ${p.windowMs}
         GROUP BY f.idx, f.customer_id)`;
  return readRows<ConversionRow>(
    connection,
    `WITH first AS (
       SELECT customer_id, ${unit} AS idx, any_value(${level}) AS lvl, min(seq) AS fseq, arg_min(t, seq) AS ft
       FROM ${table} WHERE ${unit} IS NOT NULL GROUP BY customer_id, ${unit}),
     ${converted},
     ranked AS (SELECT idx, dt, row_number() OVER (PARTITION BY idx ORDER BY dt) AS r, count(*) OVER (PARTITION BY idx) AS n FROM conv)
     SELECT idx, any_value(n) AS converted,
            max(dt) FILTER (WHERE r = (n + 1) // 2) AS "medianMs",
            max(dt) FILTER (WHERE r = (9 * n + 9) // 10) AS "p90Ms"
     FROM ranked GROUP BY idx`,
  );
}
