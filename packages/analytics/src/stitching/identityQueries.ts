import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlString } from "../engines/duckdb/sqlQuote.js";
import { normalizeIdentifierValue } from "./normalizeIdentifierValue.js";
import type { IdentifierKind } from "@opencjm/core";

/** One merge: why two identifiers belong to one customer. */
export interface MergeLogEntry {
  left: { kind: string; value: string };
  right: { kind: string; value: string };
  /** The same in English, for API clients that show it as it is; screens and the CLI compose their own language's. */
  reason: string;
  sourceId: string | null;
  /** The source's name, unless it was deleted since. */
  sourceName: string | null;
  /** The imported file and its row that held both identifiers. */
  fileName: string | null;
  row: number | null;
}

/** The file named in a stored reason ("row 12 of crm.csv has both", writeStitching.ts). */
const STORED_REASON = /^row \d+ of (.+) has both$/s;

/** How many customers and identifiers the workspace has, by identifier kind and by source. */
export interface IdentityCounts {
  customers: number;
  events: number;
  identifiers: number;
  merges: number;
  byKind: Array<{ kind: string; identifiers: number; customers: number }>;
  bySource: Array<{ sourceId: string; name: string; events: number; customers: number }>;
}

/** The merges that made a customer one customer, in the order stitching made them, each as a full sentence. */
export async function getCustomerMergeLog(connection: DuckDBConnection, customerId: number): Promise<MergeLogEntry[]> {
  const rows = (
    await connection.runAndReadAll(`SELECT m.left_kind, m.left_value, m.right_kind, m.right_value, m.reason, m.source_id, m.row_number, s.name
      FROM merge_log m LEFT JOIN sources s USING (source_id) WHERE m.customer_id = ${Math.trunc(customerId)} ORDER BY m.seq`)
  ).getRows() as Array<[string, string, string, string, string, string | null, bigint | null, string | null]>;
  return rows.map(([lk, lv, rk, rv, reason, sourceId, row, source]) => ({
    left: { kind: lk, value: lv },
    right: { kind: rk, value: rv },
    // "row 12 of crm.csv has both" → "row 12 of crm.csv (source "CRM") has both email "…" and phone "…""
    reason: `${source ? reason.replace(/ has both$/, ` (source ${JSON.stringify(source)}) has both`) : reason} ${lk} ${JSON.stringify(lv)} and ${rk} ${JSON.stringify(rv)}`,
    sourceId,
    sourceName: source,
    fileName: STORED_REASON.exec(reason)?.[1] ?? null,
    row: row === null ? null : Number(row),
  }));
}

/** The customer an identifier belongs to (normalised like the importer does), or undefined. */
export async function findCustomerByIdentifier(
  connection: DuckDBConnection,
  kind: IdentifierKind,
  value: string,
): Promise<number | undefined> {
  const normalised = normalizeIdentifierValue(kind, value);
  if (!normalised) return undefined;
  const rows = (
    await connection.runAndReadAll(
      `SELECT min(customer_id) FROM identities WHERE kind = ${sqlString(kind)} AND value = ${sqlString(normalised)}`,
    )
  ).getRows() as Array<[number | null]>;
  return rows[0]?.[0] ?? undefined;
}

/** Customer, identifier and merge counts of the workspace. */
export async function getIdentityCounts(connection: DuckDBConnection): Promise<IdentityCounts> {
  const [[customers, events, identifiers, merges]] = (
    await connection.runAndReadAll(
      "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM events), (SELECT count(*) FROM identities), (SELECT count(*) FROM merge_log)",
    )
  ).getRows() as [[bigint, bigint, bigint, bigint]];
  const byKind = (
    await connection.runAndReadAll(
      "SELECT kind, count(*), count(DISTINCT customer_id) FROM identities GROUP BY kind ORDER BY kind",
    )
  ).getRows() as Array<[string, bigint, bigint]>;
  const bySource = (
    await connection.runAndReadAll(
      "SELECT s.source_id, s.name, count(e.source_id), count(DISTINCT e.customer_id) FROM sources s LEFT JOIN events e ON e.source_id = s.source_id GROUP BY s.source_id, s.name ORDER BY lower(s.name), s.source_id",
    )
  ).getRows() as Array<[string, string, bigint, bigint]>;
  return {
    customers: Number(customers),
    events: Number(events),
    identifiers: Number(identifiers),
    merges: Number(merges),
    byKind: byKind.map(([kind, n, c]) => ({ kind, identifiers: Number(n), customers: Number(c) })),
    bySource: bySource.map(([sourceId, name, n, c]) => ({ sourceId, name, events: Number(n), customers: Number(c) })),
  };
}

/** The identifiers stitched into one customer, by kind and value. */
export async function getCustomerIdentifiers(
  connection: DuckDBConnection,
  customerId: number,
): Promise<Array<{ kind: string; value: string }>> {
  const rows = (
    await connection.runAndReadAll(
      `SELECT kind, value FROM identities WHERE customer_id = ${Math.trunc(customerId)} ORDER BY kind, value`,
    )
  ).getRows() as Array<[string, string]>;
  return rows.map(([kind, value]) => ({ kind, value }));
}
