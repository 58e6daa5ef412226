import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** A directly-follows edge between path nodes. */
export interface EdgeRow {
  from: string;
  to: string;
  count: number;
  customers: number;
  durationMs: number;
}

/** Oracle: every pair of consecutive path events of a customer (repeats included) is an edge, with the time between them. */
export function getDirectlyFollows(connection: DuckDBConnection, table: string): Promise<EdgeRow[]> {
  return readRows<EdgeRow>(
    connection,
    `WITH p AS (
       SELECT customer_id, node, lead(node) OVER w AS next, lead(t) OVER w - t AS dt
       FROM ${table} WHERE node IS NOT NULL WINDOW w AS (PARTITION BY customer_id ORDER BY seq))
     SELECT node AS "from", next AS "to", count(*) AS count, count(DISTINCT customer_id) AS customers, sum(dt) AS "durationMs"
     FROM p WHERE next IS NOT NULL GROUP BY node, next`,
  );
}
