import type { Kysely } from "kysely";
import type { Dialect } from "../createDb.js";

/**
 * Map updates that cannot be read (stored before the server checked updates, or damaged on disk) are moved here by
 * compaction instead of making their map unreadable: kept for inspection, never applied.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("map_update_quarantine")
    .addColumn("update_id", "bigint", (c) => c.primaryKey())
    .addColumn("map_id", "text", (c) => c.notNull())
    .addColumn("update", dialect === "postgres" ? "bytea" : "blob", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("quarantined_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("map_update_quarantine_map").on("map_update_quarantine").column("map_id").execute();
}
