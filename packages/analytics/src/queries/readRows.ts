import type { DuckDBConnection } from "@duckdb/node-api";

function plain(v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

/** Runs a query and returns its rows as objects, with BIGINT values (counts) as plain numbers. */
export async function readRows<T>(connection: DuckDBConnection, sql: string): Promise<T[]> {
  const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS();
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]))) as T[];
}
