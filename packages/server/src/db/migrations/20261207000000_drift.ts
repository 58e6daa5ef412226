import type { Kysely } from "kysely";
import type { Dialect } from "../createDb.js";

/**
 * Drift of a map's steps (PRODUCT.md §4.7, "keep the map alive"): a workspace's thresholds (as JSON, defaults when
 * there is no row), and the members who get the weekly digest by e-mail. Leaving the workspace or deleting the
 * account ends a subscription.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("drift_settings")
    .addColumn("workspace_id", "text", (c) => c.primaryKey().references("workspaces.id").onDelete("cascade"))
    .addColumn("settings", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("drift_digest_subscribers")
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    // The ISO week (2026-W49) of the last digest sent, so a restart in the same week does not send it twice.
    .addColumn("last_sent_week", "text")
    .addPrimaryKeyConstraint("drift_digest_subscribers_pk", ["workspace_id", "user_id"])
    .execute();
}
