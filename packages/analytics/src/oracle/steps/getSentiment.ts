import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** Text events per step and language, with their summed sentiment. */
export interface SentimentRow {
  step: number;
  language: string;
  count: number;
  sum: number;
}

/** Oracle: sentiment at each step, from a table of each distinct text's score and language (`sentiments`). */
export function getSentiment(connection: DuckDBConnection, table: string, sentiments: string): Promise<SentimentRow[]> {
  return readRows<SentimentRow>(
    connection,
    `SELECT e.step, s.language, count(*) AS count, sum(s.sentiment) AS sum
     FROM ${table} e JOIN ${sentiments} s ON s.text = e.text WHERE e.step IS NOT NULL GROUP BY e.step, s.language`,
  );
}
