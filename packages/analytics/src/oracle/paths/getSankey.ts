import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** A Sankey node (link `to` null) or link: customers at a depth of the collapsed path. */
export interface SankeyRow {
  depth: number;
  node: string;
  to: string | null;
  customers: number;
}

/** Oracle: the first `depth` transitions of each collapsed path: customers per (depth, node) and per (depth, node → next). */
export function getSankey(connection: DuckDBConnection, table: string, p: { depth: number }): Promise<SankeyRow[]> {
  return readRows<SankeyRow>(
    connection,
    `WITH p AS (SELECT customer_id, seq, node, lag(node) OVER (PARTITION BY customer_id ORDER BY seq) AS prev FROM ${table} WHERE node IS NOT NULL),
     r AS (SELECT customer_id, node, row_number() OVER (PARTITION BY customer_id ORDER BY seq) - 1 AS depth,
                  lead(node) OVER (PARTITION BY customer_id ORDER BY seq) AS next FROM p WHERE prev IS NULL OR prev <> node)
     SELECT depth, node, NULL AS "to", count(*) AS customers FROM r WHERE depth <= ${p.depth} GROUP BY depth, node
     UNION ALL
     SELECT depth, node, next, count(*) FROM r WHERE depth < ${p.depth} AND next IS NOT NULL GROUP BY depth, node, next`,
  );
}
