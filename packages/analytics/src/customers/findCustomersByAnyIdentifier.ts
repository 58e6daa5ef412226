import type { DuckDBConnection } from "@duckdb/node-api";
import { IdentifierKindSchema, type IdentifierKind } from "@opencjm/core";
import { sqlString } from "../engines/duckdb/sqlQuote.js";
import { normalizeIdentifierValue } from "../stitching/normalizeIdentifierValue.js";
import { readRows } from "../queries/readRows.js";

/**
 * The customers an identifier belongs to, normalised the way the importer stored it: of that kind, or of any kind
 * when none is given (an e-mail, a phone number and a CRM id rarely look alike, but a bare number may be a phone and
 * a CRM id of two different customers: then both are returned, with the kind that matched).
 */
export async function findCustomersByAnyIdentifier(
  connection: DuckDBConnection,
  value: string,
  kind?: IdentifierKind,
): Promise<Array<{ customerId: number; kind: IdentifierKind }>> {
  const kinds = kind ? [kind] : IdentifierKindSchema.options;
  const pairs = kinds.flatMap((k) => {
    const normalised = normalizeIdentifierValue(k, value);
    return normalised ? [`(kind = ${sqlString(k)} AND value = ${sqlString(normalised)})`] : [];
  });
  if (pairs.length === 0) return [];
  const rows = await readRows<{ customer_id: number; kind: IdentifierKind }>(
    connection,
    `SELECT DISTINCT customer_id, kind FROM identities WHERE ${pairs.join(" OR ")} ORDER BY customer_id, kind`,
  );
  return rows.map((r) => ({ customerId: r.customer_id, kind: r.kind }));
}
