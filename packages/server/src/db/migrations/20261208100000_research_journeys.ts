import type { Kysely } from "kysely";
import type { Dialect } from "../createDb.js";

/**
 * Participant journeys entered as mini-maps (PRODUCT.md §4.5): one row per step of one participant's journey on one
 * map, in `position` order. `step_id` is a map step's id without a foreign key (maps live in documents), so a deleted
 * step is reported as missing; a step the map lacks has no id and keeps the participant's name for it. Rows go with
 * their participant (erasure deletes them explicitly too, on SQLite and PostgreSQL alike).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("research_journey_steps")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("participant_id", "text", (c) => c.notNull().references("research_participants.id").onDelete("cascade"))
    .addColumn("map_id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("step_id", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("emotion", "integer", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("research_journey_steps_pk", ["participant_id", "map_id", "position"])
    .execute();
  await db.schema
    .createIndex("research_journey_steps_map")
    .on("research_journey_steps")
    .columns(["workspace_id", "map_id"])
    .execute();
}
