import type { Kysely } from "kysely";
import type { Dialect } from "../createDb.js";

/** Touchpoint mapping rules (PRODUCT.md §4.6): which imported events are which touchpoint; deleted with their touchpoint. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("touchpoint_rules")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("touchpoint_id", "text", (c) => c.notNull().references("touchpoints.id").onDelete("cascade"))
    .addColumn("event_names", "text", (c) => c.notNull())
    .addColumn("pattern", "text")
    .addColumn("channel", "text")
    .addColumn("conditions", "text", (c) => c.notNull())
    .addColumn("sort_order", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("touchpoint_rules_workspace").on("touchpoint_rules").column("workspace_id").execute();
}
