import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** Events and customers at a path node, and journeys starting and ending there. */
export interface PathNodeRow {
  node: string;
  events: number;
  customers: number;
  starts: number;
  ends: number;
}

/** Oracle: counts per path node; a journey's start and end are its first and last path events. */
export function getPathNodes(connection: DuckDBConnection, table: string): Promise<PathNodeRow[]> {
  return readRows<PathNodeRow>(
    connection,
    `WITH p AS (
       SELECT customer_id, node, seq = min(seq) OVER w AS first, seq = max(seq) OVER w AS last
       FROM ${table} WHERE node IS NOT NULL WINDOW w AS (PARTITION BY customer_id))
     SELECT node, count(*) AS events, count(DISTINCT customer_id) AS customers,
            count(*) FILTER (WHERE first) AS starts, count(*) FILTER (WHERE last) AS ends
     FROM p GROUP BY node`,
  );
}
