import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** Customers and events per step, and customers per stage (`unit` = "step" or "stage"). */
export interface ReachRow {
  unit: "step" | "stage";
  idx: number;
  customers: number;
  events: number;
}

/** Oracle: reach of every step and stage: distinct customers with an event there, and events there. */
export function getReach(connection: DuckDBConnection, table: string): Promise<ReachRow[]> {
  return readRows<ReachRow>(
    connection,
    `SELECT 'step' AS unit, step AS idx, count(DISTINCT customer_id) AS customers, count(*) AS events FROM ${table} WHERE step IS NOT NULL GROUP BY step
     UNION ALL
     SELECT 'stage', stage, count(DISTINCT customer_id), count(*) FROM ${table} WHERE stage IS NOT NULL GROUP BY stage`,
  );
}
