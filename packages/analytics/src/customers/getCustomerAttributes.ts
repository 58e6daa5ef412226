import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../queries/readRows.js";

/** A customer's attributes for segment rules (the latest value of each), as strings. */
export async function getCustomerAttributes(
  connection: DuckDBConnection,
  customerId: number,
): Promise<Record<string, string>> {
  const [row] = await readRows<{ attributes: string | null }>(
    connection,
    `SELECT attributes::VARCHAR AS attributes FROM customers WHERE customer_id = ${Math.trunc(customerId)}`,
  );
  if (!row?.attributes) return {};
  const parsed: unknown = JSON.parse(row.attributes);
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === "string" ? v : String(v)]));
}
