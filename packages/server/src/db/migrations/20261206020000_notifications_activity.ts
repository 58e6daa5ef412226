import type { Kysely } from "kysely";
import type { Dialect } from "../createDb.js";

/**
 * In-app notifications (mentions, replies, invitations, imports and ideas someone follows), each person's notification
 * settings, and the workspace activity log (who created, renamed, restored or deleted a map, invited or removed whom…).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    // No foreign keys on the actor, map and subject: the notification outlives them and says what it was about.
    .addColumn("actor_id", "text")
    .addColumn("map_id", "text")
    .addColumn("subject_id", "text")
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema
    .createIndex("notifications_user_created")
    .on("notifications")
    .columns(["user_id", "created_at"])
    .execute();

  await db.schema
    .createTable("notification_settings")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("email_mentions", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("activity")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    // The map and the actor may be gone (a deleted map's entries are the point of the log): no foreign keys.
    .addColumn("map_id", "text")
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("activity_workspace_created")
    .on("activity")
    .columns(["workspace_id", "created_at"])
    .execute();
  await db.schema.createIndex("activity_map_created").on("activity").columns(["map_id", "created_at"]).execute();
}
