import type { Kysely } from "kysely";
import type { Dialect } from "../createDb.js";

/**
 * Survey responses (PRODUCT.md §4.5). `research_surveys` is one uploaded export: its header and rows wait there (JSON)
 * between upload and mapping, and are emptied once mapped, so only the kept answers remain. `research_survey_answers`
 * is one answer of one respondent to one question, on a map step or none; `step_id` has no foreign key (maps live in
 * documents). A respondent's customer is kept as the customer data's id, never the identifier itself; answers linked
 * to a participant go with them on erasure (deleted explicitly, on SQLite and PostgreSQL alike).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("research_surveys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("study_id", "text", (c) => c.notNull().references("research_studies.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("charset", "text")
    .addColumn("header", "text", (c) => c.notNull())
    .addColumn("pending_rows", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("report", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("research_surveys_study")
    .on("research_surveys")
    .columns(["workspace_id", "study_id"])
    .execute();
  await db.schema
    .createTable("research_survey_answers")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("survey_id", "text", (c) => c.notNull().references("research_surveys.id").onDelete("cascade"))
    .addColumn("respondent", "integer", (c) => c.notNull())
    .addColumn("column_index", "integer", (c) => c.notNull())
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("scale", "text", (c) => c.notNull())
    .addColumn("map_id", "text")
    .addColumn("step_id", "text")
    .addColumn("participant_id", "text", (c) => c.references("research_participants.id").onDelete("cascade"))
    .addColumn("customer_id", "integer")
    .addColumn("value", "real")
    .addColumn("text", "text")
    .addColumn("sentiment", "real")
    .addPrimaryKeyConstraint("research_survey_answers_pk", ["survey_id", "respondent", "column_index"])
    .execute();
  await db.schema
    .createIndex("research_survey_answers_map")
    .on("research_survey_answers")
    .columns(["workspace_id", "map_id"])
    .execute();
  await db.schema
    .createIndex("research_survey_answers_participant")
    .on("research_survey_answers")
    .columns(["participant_id"])
    .execute();
}
