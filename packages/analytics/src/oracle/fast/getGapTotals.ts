import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";
import type { SessionsRow } from "../steps/getSessions.js";
import type { TimeSpentRow } from "../steps/getTimeSpent.js";

/**
 * Fast SQL: time spent per step and activity and the session totals from one window pass (the gap from each event to
 * the customer's next). A session ends at every gap longer than the session gap and at the customer's last event, and
 * its duration is the sum of the gaps inside it, so neither needs a second window.
 */
export async function getGapTotals(
  connection: DuckDBConnection,
  table: string,
  p: { gapMs: number },
): Promise<{ time: TimeSpentRow[]; sessions: SessionsRow }> {
  const rows = await readRows<TimeSpentRow & { total: boolean; sessions: number; events: number }>(
    connection,
    `WITH g AS (SELECT step, activity, lead(t) OVER (PARTITION BY customer_id ORDER BY seq) - t AS gap FROM ${table})
     SELECT step, activity, grouping(step, activity) = 3 AS total,
            coalesce(sum(gap) FILTER (WHERE gap <= ${p.gapMs}), 0) AS "timeMs",
            count(*) FILTER (WHERE gap IS NULL OR gap > ${p.gapMs}) AS sessions, count(*) AS events
     FROM g GROUP BY GROUPING SETS ((step), (activity), ())`,
  );
  const total = rows.find((r) => r.total);
  return {
    time: rows
      .filter((r) => !r.total && (r.step !== null || r.activity !== null))
      .map((r) => ({ step: r.step, activity: r.activity, timeMs: r.timeMs })),
    sessions: { sessions: total?.sessions ?? 0, durationMs: total?.timeMs ?? 0, events: total?.events ?? 0 },
  };
}
