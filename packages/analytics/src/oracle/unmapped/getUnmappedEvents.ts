import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** Unmapped events by (event name, channel); the row with `total` set counts all of them. */
export interface UnmappedRow {
  total: boolean;
  eventName: string | null;
  channel: string | null;
  events: number;
  customers: number;
}

/** Oracle: events no rule maps to a touchpoint, by name and channel, and in total. */
export function getUnmappedEvents(connection: DuckDBConnection, table: string): Promise<UnmappedRow[]> {
  return readRows<UnmappedRow>(
    connection,
    `SELECT grouping(event_name) = 1 AS total, event_name AS "eventName", channel, count(*) AS events, count(DISTINCT customer_id) AS customers
     FROM ${table} WHERE touchpoint IS NULL GROUP BY GROUPING SETS ((event_name, channel), ())`,
  );
}
