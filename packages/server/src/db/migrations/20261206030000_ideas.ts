import type { Kysely } from "kysely";
import type { Dialect } from "../createDb.js";

/**
 * Ideas (PRODUCT.md §4.7): the idea itself, its links to maps (anchors and changed steps, by ids, without foreign
 * keys to the map so a deleted map or card leaves the link to be shown as missing), and its status history.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("ideas")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("tags", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("touchpoint_ids", "text", (c) => c.notNull())
    .addColumn("kpi_ids", "text", (c) => c.notNull())
    .addColumn("ice", "text")
    .addColumn("rice", "text")
    .addColumn("matrix", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ideas_workspace").on("ideas").columns(["workspace_id", "status"]).execute();

  await db.schema
    .createTable("idea_links")
    .addColumn("idea_id", "text", (c) => c.notNull().references("ideas.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("map_id", "text", (c) => c.notNull())
    .addColumn("card_id", "text")
    .addColumn("step_id", "text")
    .addColumn("lane_id", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("idea_links_pk", ["idea_id", "role", "position"])
    .execute();
  await db.schema.createIndex("idea_links_map").on("idea_links").columns(["workspace_id", "map_id"]).execute();

  await db.schema
    .createTable("idea_status_changes")
    .addColumn("idea_id", "text", (c) => c.notNull().references("ideas.id").onDelete("cascade"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("changed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("changed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("idea_status_changes_pk", ["idea_id", "seq"])
    .execute();
}
