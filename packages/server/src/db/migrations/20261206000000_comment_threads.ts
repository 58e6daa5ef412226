import type { Kysely } from "kysely";
import type { Dialect } from "../createDb.js";

/** Comment threads on a map (anchored to the map, a card, a step or a cell by ids) and their comments. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("comment_threads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("map_id", "text", (c) => c.notNull().references("maps.id").onDelete("cascade"))
    .addColumn("anchor_kind", "text", (c) => c.notNull())
    .addColumn("anchor_card_id", "text")
    .addColumn("anchor_step_id", "text")
    .addColumn("anchor_lane_id", "text")
    // No foreign key to users: a thread outlives its author's account and keeps their name from the join (or none).
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .addColumn("resolved_by", "text")
    .execute();
  await db.schema.createIndex("comment_threads_map").on("comment_threads").columns(["map_id", "created_at"]).execute();
  await db.schema
    .createTable("comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("thread_id", "text", (c) => c.notNull().references("comment_threads.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("mentions", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("edited_at", "text")
    .execute();
  await db.schema.createIndex("comments_thread").on("comments").columns(["thread_id", "created_at"]).execute();
}
