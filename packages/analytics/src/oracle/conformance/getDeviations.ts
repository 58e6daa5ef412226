import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";
import { collapsedStepsSql } from "./collapsedStepsSql.js";

/** Deviations per step (skipped customers, revisits) or per stage (back-steps from it, loops in it). */
export interface DeviationRow {
  unit: "step" | "stage";
  idx: number;
  kind: "skipped" | "revisits" | "backSteps" | "backStepCustomers" | "loops" | "loopCustomers";
  value: number;
}

/**
 * Oracle: a step is skipped by a customer who jumps from a lower level over its level; a back-step counts at the
 * stage it leaves; a loop (returning to a step left earlier) counts at the step and its stage.
 */
export function getDeviations(connection: DuckDBConnection, table: string, levels: number[]): Promise<DeviationRow[]> {
  const steps = levels.length
    ? `(VALUES ${levels.map((l, s) => `(${s}, ${l})`).join(", ")}) AS s(step, level)`
    : "(SELECT 0 AS step, 0 AS level WHERE FALSE) AS s";
  return readRows<DeviationRow>(
    connection,
    `WITH ${collapsedStepsSql(table)}
     SELECT 'step' AS unit, s.step AS idx, 'skipped' AS kind, count(DISTINCT c.customer_id) AS value FROM c JOIN ${steps} ON s.level > c.plevel AND s.level < c.level GROUP BY s.step
     UNION ALL SELECT 'step', step, 'revisits', count(*) FROM c WHERE visit > 1 GROUP BY step
     UNION ALL SELECT 'stage', pstage, 'backSteps', count(*) FROM c WHERE level < plevel GROUP BY pstage
     UNION ALL SELECT 'stage', pstage, 'backStepCustomers', count(DISTINCT customer_id) FROM c WHERE level < plevel GROUP BY pstage
     UNION ALL SELECT 'stage', stage, 'loops', count(*) FROM c WHERE visit > 1 GROUP BY stage
     UNION ALL SELECT 'stage', stage, 'loopCustomers', count(DISTINCT customer_id) FROM c WHERE visit > 1 GROUP BY stage`,
  );
}
