import { sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.js";
import type { Dialect } from "../db/createDb.js";

/**
 * Holds a lock named `key` until `trx` ends, across every server instance sharing the database. On PostgreSQL it is a
 * transaction-level advisory lock, so two instances compacting the same map run one after the other: without it the
 * later commit overwrote the compacted state with one folded from fewer rows, and the rows only the earlier one had
 * folded (and deleted) were lost. SQLite serves one instance (instanceLock.ts) and serialises writers itself.
 */
export async function lockAcrossInstances(trx: Transaction<Database>, dialect: Dialect, key: string): Promise<void> {
  if (dialect !== "postgres") return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}
