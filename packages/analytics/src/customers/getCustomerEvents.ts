import type { DuckDBConnection } from "@duckdb/node-api";
import type { CustomerEvent, ScoreKind } from "@opencjm/core";
import { readRows } from "../queries/readRows.js";

interface Row {
  at: string;
  source_id: string;
  source_name: string | null;
  row_number: number;
  event_name: string;
  channel: string | null;
  score: number | null;
  score_kind: ScoreKind | null;
  text: string | null;
  properties: string | null;
  total: number;
}

/**
 * One customer's events from every source in time order (then import and source row, the journey store's order),
 * at most `limit` of them, with how many there are in all.
 */
export async function getCustomerEvents(
  connection: DuckDBConnection,
  customerId: number,
  limit: number,
): Promise<{ events: CustomerEvent[]; total: number }> {
  const rows = await readRows<Row>(
    connection,
    `SELECT strftime(e.ts, '%Y-%m-%dT%H:%M:%S.%gZ') AS at, e.source_id, s.name AS source_name, e.row_number,
        e.event_name, e.channel, e.score, e.score_kind, e.text, e.properties::VARCHAR AS properties,
        count(*) OVER () AS total
      FROM events e LEFT JOIN sources s USING (source_id)
      WHERE e.customer_id = ${Math.trunc(customerId)}
      ORDER BY e.ts, e.import_id, e.row_number
      LIMIT ${Math.trunc(limit)}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    events: rows.map((r) => ({
      at: r.at,
      sourceId: r.source_id,
      sourceName: r.source_name ?? r.source_id,
      row: r.row_number,
      eventName: r.event_name,
      channel: r.channel,
      score: r.score,
      scoreKind: r.score_kind,
      text: r.text,
      properties: r.properties ? stringRecord(JSON.parse(r.properties)) : {},
    })),
  };
}

/** Properties are stored as strings; anything else (from an older store) is turned into its JSON text. */
function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}
