import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";
import { collapsedStepsSql } from "./collapsedStepsSql.js";

/** Customers with events on the map, those that conform, and those with each kind of deviation. */
export interface ConformanceSummaryRow {
  customers: number;
  conforming: number;
  withSkips: number;
  withBackSteps: number;
  withLoops: number;
}

/** Oracle: a journey conforms when its collapsed step sequence never jumps a level, never goes to a lower level and never returns to a step. */
export async function getConformanceSummary(
  connection: DuckDBConnection,
  table: string,
): Promise<ConformanceSummaryRow> {
  const [row] = await readRows<ConformanceSummaryRow>(
    connection,
    `WITH ${collapsedStepsSql(table)},
     f AS (SELECT customer_id, bool_or(level - plevel > 1) AS skip, bool_or(level < plevel) AS back, bool_or(visit > 1) AS loop FROM c GROUP BY customer_id)
     SELECT count(*) AS customers, count(*) FILTER (WHERE NOT coalesce(skip, FALSE) AND NOT coalesce(back, FALSE) AND NOT loop) AS conforming,
            count(*) FILTER (WHERE skip) AS "withSkips", count(*) FILTER (WHERE back) AS "withBackSteps", count(*) FILTER (WHERE loop) AS "withLoops"
     FROM f`,
  );
  return row!;
}
