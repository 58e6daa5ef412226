import type { Kysely } from "kysely";
import type { Dialect } from "../createDb.js";

/**
 * Research repository (PRODUCT.md §4.5): studies, their pseudonymous participants (personal details in their own
 * columns), notes and transcripts, highlights and what they are anchored to on maps. Anchors are ids without foreign
 * keys to maps, so a deleted step leaves the highlight to be reported as on deleted content. Deleting a participant
 * cascades to their notes and highlights; participant journeys and survey answers will hang off participants too.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("research_studies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("goal", "text", (c) => c.notNull())
    .addColumn("starts_on", "text")
    .addColumn("ends_on", "text")
    .addColumn("persona_ids", "text", (c) => c.notNull())
    .addColumn("segment", "text", (c) => c.notNull())
    .addColumn("map_ids", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("research_studies_workspace").on("research_studies").column("workspace_id").execute();

  await db.schema
    .createTable("research_participants")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("study_id", "text", (c) => c.notNull().references("research_studies.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("attributes", "text", (c) => c.notNull())
    .addColumn("persona_id", "text")
    .addColumn("segment", "text", (c) => c.notNull())
    .addColumn("consent_given", "integer", (c) => c.notNull())
    .addColumn("consent_recorded_on", "text")
    .addColumn("consent_note", "text", (c) => c.notNull())
    .addColumn("personal_name", "text", (c) => c.notNull())
    .addColumn("personal_email", "text", (c) => c.notNull())
    .addColumn("personal_phone", "text", (c) => c.notNull())
    .addColumn("personal_notes", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("research_participants_code", ["study_id", "code"])
    .execute();
  await db.schema
    .createIndex("research_participants_workspace")
    .on("research_participants")
    .column("workspace_id")
    .execute();

  await db.schema
    .createTable("research_notes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("study_id", "text", (c) => c.notNull().references("research_studies.id").onDelete("cascade"))
    .addColumn("participant_id", "text", (c) => c.references("research_participants.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("file_name", "text")
    .addColumn("charset", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("segments", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("research_notes_study")
    .on("research_notes")
    .columns(["workspace_id", "study_id"])
    .execute();

  await db.schema
    .createTable("research_highlights")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("study_id", "text", (c) => c.notNull().references("research_studies.id").onDelete("cascade"))
    .addColumn("note_id", "text", (c) => c.notNull().references("research_notes.id").onDelete("cascade"))
    .addColumn("participant_id", "text", (c) => c.references("research_participants.id").onDelete("cascade"))
    .addColumn("start_offset", "integer", (c) => c.notNull())
    .addColumn("end_offset", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("insight", "text", (c) => c.notNull())
    .addColumn("tags", "text", (c) => c.notNull())
    .addColumn("sentiment", "real", (c) => c.notNull())
    .addColumn("sentiment_auto", "real", (c) => c.notNull())
    .addColumn("sentiment_edited", "integer", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    // The text, insight and tags folded for search (NFKC, lower case, Persian letters unified): substring matching
    // works in scripts without spaces between words, on SQLite and PostgreSQL alike.
    .addColumn("search_text", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("research_highlights_workspace")
    .on("research_highlights")
    .columns(["workspace_id", "created_at"])
    .execute();
  await db.schema.createIndex("research_highlights_note").on("research_highlights").column("note_id").execute();

  await db.schema
    .createTable("research_highlight_tags")
    .addColumn("highlight_id", "text", (c) => c.notNull().references("research_highlights.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("tag", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("research_highlight_tags_pk", ["highlight_id", "tag"])
    .execute();
  await db.schema
    .createIndex("research_highlight_tags_tag")
    .on("research_highlight_tags")
    .columns(["workspace_id", "tag"])
    .execute();

  await db.schema
    .createTable("research_highlight_anchors")
    .addColumn("highlight_id", "text", (c) => c.notNull().references("research_highlights.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("map_id", "text")
    .addColumn("step_id", "text")
    .addColumn("stage_id", "text")
    .addColumn("card_id", "text")
    .addColumn("idea_id", "text")
    .addColumn("label", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("research_highlight_anchors_pk", ["highlight_id", "position"])
    .execute();
  await db.schema
    .createIndex("research_highlight_anchors_map")
    .on("research_highlight_anchors")
    .columns(["workspace_id", "map_id"])
    .execute();
}
