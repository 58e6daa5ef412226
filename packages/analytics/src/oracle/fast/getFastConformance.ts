import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";
import { collapsedStepsSql } from "../conformance/collapsedStepsSql.js";
import type { ConformanceSummaryRow } from "../conformance/getConformanceSummary.js";
import type { DeviationRow } from "../conformance/getDeviations.js";

/**
 * Fast SQL: conformance and deviations from one shared table of each customer's collapsed step sequence, built once
 * (the oracle builds it again for each of its two queries).
 */
export async function getFastConformance(
  connection: DuckDBConnection,
  table: string,
  levels: number[],
): Promise<{ summary: ConformanceSummaryRow; deviations: DeviationRow[] }> {
  const visits = `${table}_visits`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${visits} AS WITH ${collapsedStepsSql(table)} SELECT * FROM c`);
  const [summary] = await readRows<ConformanceSummaryRow>(
    connection,
    `WITH f AS (SELECT customer_id, bool_or(level - plevel > 1) AS skip, bool_or(level < plevel) AS back, bool_or(visit > 1) AS loop FROM ${visits} GROUP BY customer_id)
     SELECT count(*) AS customers, count(*) FILTER (WHERE NOT coalesce(skip, FALSE) AND NOT coalesce(back, FALSE) AND NOT loop) AS conforming,
            count(*) FILTER (WHERE skip) AS "withSkips", count(*) FILTER (WHERE back) AS "withBackSteps", count(*) FILTER (WHERE loop) AS "withLoops"
     FROM f`,
  );
  const steps = levels.length
    ? `(VALUES ${levels.map((l, s) => `(${s}, ${l})`).join(", ")}) AS s(step, level)`
    : "(SELECT 0 AS step, 0 AS level WHERE FALSE) AS s";
  const deviations = await readRows<DeviationRow>(
    connection,
    `SELECT 'step' AS unit, s.step AS idx, 'skipped' AS kind, count(DISTINCT c.customer_id) AS value
     FROM ${visits} c JOIN ${steps} ON s.level > c.plevel AND s.level < c.level GROUP BY s.step
     UNION ALL SELECT 'step', step, 'revisits', count(*) FROM ${visits} WHERE visit > 1 GROUP BY step
     UNION ALL SELECT 'stage', pstage, 'backSteps', count(*) FROM ${visits} WHERE level < plevel GROUP BY pstage
     UNION ALL SELECT 'stage', pstage, 'backStepCustomers', count(DISTINCT customer_id) FROM ${visits} WHERE level < plevel GROUP BY pstage
     UNION ALL SELECT 'stage', stage, 'loops', count(*) FROM ${visits} WHERE visit > 1 GROUP BY stage
     UNION ALL SELECT 'stage', stage, 'loopCustomers', count(DISTINCT customer_id) FROM ${visits} WHERE visit > 1 GROUP BY stage`,
  );
  await connection.run(`DROP TABLE ${visits}`);
  return { summary: summary!, deviations };
}
