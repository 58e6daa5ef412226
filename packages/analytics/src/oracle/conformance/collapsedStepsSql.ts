/**
 * SQL of each customer's step sequence with consecutive repeats collapsed: each row is one visit with the step before
 * it (`pstep`, `plevel`, `pstage`) and which visit of that step it is. Shared by the conformance queries.
 */
export function collapsedStepsSql(table: string): string {
  return `m AS (SELECT customer_id, seq, step, level, stage, lag(step) OVER (PARTITION BY customer_id ORDER BY seq) AS prev FROM ${table} WHERE step IS NOT NULL),
     c AS (SELECT customer_id, seq, step, level, stage,
                  lag(step) OVER w AS pstep, lag(level) OVER w AS plevel, lag(stage) OVER w AS pstage,
                  row_number() OVER (PARTITION BY customer_id, step ORDER BY seq) AS visit
           FROM m WHERE prev IS NULL OR prev <> step WINDOW w AS (PARTITION BY customer_id ORDER BY seq))`;
}
