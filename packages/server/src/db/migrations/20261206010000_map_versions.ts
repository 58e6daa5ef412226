import type { Kysely } from "kysely";
import type { Dialect } from "../createDb.js";

/**
 * Version history of maps. A version keeps the whole Yjs state and JSON snapshot of the map at that point, so it can
 * be opened and restored without the update log (compaction folds and deletes log rows; it never touches versions).
 * Each log row now names its author, and compaction carries the authors of rows it folds before the next version into
 * `map_edit_authors`, so a version can say who edited since the previous one even after compaction.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const blob = dialect === "postgres" ? "bytea" : "blob";
  await db.schema
    .createTable("map_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("map_id", "text", (c) => c.notNull().references("maps.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("state", blob, (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("authors", "text", (c) => c.notNull())
    .addColumn("edited_from", "text")
    .addColumn("edited_until", "text")
    .addColumn("covered_update_id", "bigint", (c) => c.notNull())
    .addColumn("restored_from", "text")
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("map_versions_map").on("map_versions").columns(["map_id", "created_at"]).execute();
  await db.schema
    .createTable("map_edit_authors")
    .addColumn("map_id", "text", (c) => c.notNull().references("maps.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("first_edit_at", "text", (c) => c.notNull())
    .addColumn("last_edit_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("map_edit_authors_pk", ["map_id", "user_id"])
    .execute();
  await db.schema.alterTable("map_updates").addColumn("author_id", "text").execute();
  // An export of a version prints through a link bound to that version.
  await db.schema.alterTable("share_links").addColumn("version_id", "text").execute();
}
