import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";

/** A representative quote of a step. */
export interface QuoteRow {
  step: number;
  text: string;
  language: string;
  sentiment: number;
  t: number;
}

/**
 * Oracle: per step, the two most negative and the two most positive distinct texts (strongest first, earlier first
 * on a tie), each at its first occurrence there; negatives before positives.
 */
export function getQuotes(connection: DuckDBConnection, table: string, sentiments: string): Promise<QuoteRow[]> {
  return readRows<QuoteRow>(
    connection,
    `WITH q AS (
       SELECT e.step, e.text, any_value(s.sentiment) AS sentiment, any_value(s.language) AS language, min(e.pos) AS pos, arg_min(e.t, e.pos) AS t
       FROM ${table} e JOIN ${sentiments} s ON s.text = e.text WHERE e.step IS NOT NULL AND s.sentiment <> 0 GROUP BY e.step, e.text),
     r AS (SELECT *, row_number() OVER (PARTITION BY step, sign(sentiment) ORDER BY abs(sentiment) DESC, pos) AS rank FROM q)
     SELECT step, text, language, sentiment, t FROM r WHERE rank <= 2 ORDER BY step, sign(sentiment), rank`,
  );
}
