import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";
import type { SankeyRow } from "../paths/getSankey.js";
import type { VariantRow } from "../paths/getVariants.js";

/** The listed variants (every path as frequent as the `top`-th one), with the customers and count of all paths. */
export interface TopVariants {
  listed: VariantRow[];
  /** Customers on the paths not listed. */
  othersCustomers: number;
  distinct: number;
}

/**
 * Fast SQL: variants and Sankey from one shared table of each customer's collapsed path (consecutive repeats
 * dropped, with depth and next node); only the top variants leave DuckDB, the rest are summed there.
 */
export async function getFastPaths(
  connection: DuckDBConnection,
  table: string,
  p: { depth: number; top: number },
): Promise<{ variants: TopVariants; sankey: SankeyRow[] }> {
  const runs = `${table}_runs`;
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE ${runs} AS
    WITH p AS (SELECT customer_id, seq, node, lag(node) OVER (PARTITION BY customer_id ORDER BY seq) AS prev FROM ${table} WHERE node IS NOT NULL)
    SELECT customer_id, node, row_number() OVER w - 1 AS depth, lead(node) OVER w AS next
    FROM p WHERE prev IS NULL OR prev <> node WINDOW w AS (PARTITION BY customer_id ORDER BY seq)`);
  const rows = await readRows<{ nodes: string[] | null; customers: number; distinct: number | null }>(
    connection,
    `WITH v AS MATERIALIZED (
       SELECT nodes, count(*) AS customers FROM (SELECT customer_id, list(node ORDER BY depth) AS nodes FROM ${runs} GROUP BY customer_id) GROUP BY nodes),
     cut AS (SELECT coalesce(min(customers), 9e18) AS c FROM (SELECT customers FROM v ORDER BY customers DESC LIMIT ${p.top}))
     SELECT nodes, customers, NULL AS "distinct" FROM v, cut WHERE customers >= cut.c
     UNION ALL
     SELECT NULL, coalesce(sum(customers) FILTER (WHERE customers < cut.c), 0), count(*) FROM v, cut`,
  );
  const summary = rows.find((r) => r.nodes === null);
  const sankey = await readRows<SankeyRow>(
    connection,
    `SELECT depth, node, NULL AS "to", count(*) AS customers FROM ${runs} WHERE depth <= ${p.depth} GROUP BY depth, node
     UNION ALL
     SELECT depth, node, next, count(*) FROM ${runs} WHERE depth < ${p.depth} AND next IS NOT NULL GROUP BY depth, node, next`,
  );
  await connection.run(`DROP TABLE ${runs}`);
  return {
    variants: {
      listed: rows.filter((r) => r.nodes !== null).map((r) => ({ nodes: r.nodes!, customers: r.customers })),
      othersCustomers: summary?.customers ?? 0,
      distinct: summary?.distinct ?? 0,
    },
    sankey,
  };
}
