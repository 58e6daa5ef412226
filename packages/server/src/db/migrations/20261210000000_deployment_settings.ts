import type { Kysely } from "kysely";
import type { Dialect } from "../createDb.js";

/**
 * Facts about the deployment as a whole, shared by every instance on the database: first of all which data volume
 * (DATA_DIR, the workspaces' event stores) belongs to it, so an instance given another folder does not answer from it.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("deployment_settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("set_at", "text", (c) => c.notNull())
    .execute();
}
