import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** Session totals. */
export interface SessionsRow {
  sessions: number;
  durationMs: number;
  events: number;
}

/** Oracle: sessions are runs of a customer's events with no gap longer than the session gap; duration is last − first. */
export async function getSessions(
  connection: DuckDBConnection,
  table: string,
  p: { gapMs: number },
): Promise<SessionsRow> {
  const [row] = await readRows<SessionsRow>(
    connection,
    `WITH g AS (SELECT customer_id, seq, t, CASE WHEN t - lag(t) OVER w <= ${p.gapMs} THEN 0 ELSE 1 END AS starts FROM ${table} WINDOW w AS (PARTITION BY customer_id ORDER BY seq)),
     s AS (SELECT customer_id, t, sum(starts) OVER (PARTITION BY customer_id ORDER BY seq) AS session FROM g),
     d AS (SELECT max(t) - min(t) AS duration, count(*) AS events FROM s GROUP BY customer_id, session)
     SELECT count(*) AS sessions, coalesce(sum(duration), 0) AS "durationMs", coalesce(sum(events), 0) AS events FROM d`,
  );
  return row!;
}
