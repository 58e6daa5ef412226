import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** A path variant and its customers. */
export interface VariantRow {
  nodes: string[];
  customers: number;
}

/** Oracle: each customer's path nodes in order with consecutive repeats collapsed; customers counted per distinct path. */
export function getVariants(connection: DuckDBConnection, table: string): Promise<VariantRow[]> {
  return readRows<VariantRow>(
    connection,
    `WITH p AS (SELECT customer_id, seq, node, lag(node) OVER (PARTITION BY customer_id ORDER BY seq) AS prev FROM ${table} WHERE node IS NOT NULL),
     c AS (SELECT customer_id, list(node ORDER BY seq) AS nodes FROM p WHERE prev IS NULL OR prev <> node GROUP BY customer_id)
     SELECT nodes, count(*) AS customers FROM c GROUP BY nodes`,
  );
}
