import type { DuckDBConnection } from "@duckdb/node-api";
import type { CustomerIdentifier } from "@opencjm/core";
import { readRows } from "../queries/readRows.js";

// The identifier a person would look a customer up by: the CRM id first, then e-mail, phone, cookie, device, other.
const PREFERENCE = ["customerId", "email", "phone", "cookie", "device", "other"];

/** One identifier per customer, the most telling one (customer id, else e-mail…), for linking to their timeline. */
export async function getPreferredIdentifiers(
  connection: DuckDBConnection,
  customerIds: readonly number[],
): Promise<Map<number, CustomerIdentifier>> {
  if (customerIds.length === 0) return new Map();
  const rank = `CASE kind ${PREFERENCE.map((k, i) => `WHEN '${k}' THEN ${i}`).join(" ")} ELSE ${PREFERENCE.length} END`;
  const rows = await readRows<{ customer_id: number; kind: string; value: string }>(
    connection,
    `SELECT customer_id, arg_min(kind, (${rank}, value)) AS kind, arg_min(value, (${rank}, value)) AS value
      FROM identities WHERE customer_id IN (${customerIds.map((c) => Math.trunc(c)).join(", ")})
      GROUP BY customer_id`,
  );
  return new Map(rows.map((r) => [r.customer_id, { kind: r.kind, value: r.value }]));
}
