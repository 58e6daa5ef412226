import type { DuckDBConnection } from "@duckdb/node-api";
import type { SegmentRule } from "@opencjm/core";
import { readRows } from "../readRows.js";
import { segmentConditionSql } from "../segment/segmentConditionSql.js";

/** How many customers a segment rule selects, out of all customers with events. */
export interface SegmentSize {
  customers: number;
  total: number;
  /** customers / total, or null when there are no customers yet. */
  share: number | null;
}

/**
 * Counts the customers a segment rule selects, with the same semantics as the metrics' segment filter: every
 * customer with events is judged, one without attributes on empty attributes (so `neq` selects them, `eq` does not).
 */
export async function getSegmentSize(connection: DuckDBConnection, rule: SegmentRule): Promise<SegmentSize> {
  const [row] = await readRows<{ customers: number | null; total: number }>(
    connection,
    `SELECT count(*) FILTER (WHERE ${segmentConditionSql(rule, "attrs")}) AS customers, count(*) AS total
     FROM (SELECT e.customer_id, coalesce(c.attributes, '{}'::JSON) AS attrs
           FROM (SELECT DISTINCT customer_id FROM events) e LEFT JOIN customers c ON c.customer_id = e.customer_id)`,
  );
  const customers = row?.customers ?? 0;
  const total = row?.total ?? 0;
  return { customers, total, share: total > 0 ? customers / total : null };
}
