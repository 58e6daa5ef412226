import type { HighlightKind } from "@opencjm/core";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Db } from "../db/createDb.js";
import type { Database, ResearchHighlightAnchorsTable, ResearchHighlightsTable } from "../db/schema.js";
import { notFound } from "../errors/DomainError.js";

/** An anchor of a highlight as stored: ids, and the label it had when anchored. */
export interface StoredHighlightAnchor {
  kind: "step" | "stage" | "touchpoint" | "painPoint" | "idea";
  mapId: string | null;
  stepId: string | null;
  stageId: string | null;
  cardId: string | null;
  ideaId: string | null;
  label: string;
}

/** A highlight as stored, with its participant's code and its anchors, before they are checked against the maps. */
export interface StoredHighlight {
  id: string;
  workspaceId: string;
  studyId: string;
  noteId: string;
  participantId: string | null;
  participantCode: string | null;
  start: number;
  end: number;
  text: string;
  kind: HighlightKind;
  insight: string;
  tags: string[];
  sentiment: number;
  sentimentAuto: number;
  sentimentEdited: boolean;
  language: string;
  anchors: StoredHighlightAnchor[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** What a caller may change of a highlight, with what is derived from it (search text). */
export interface HighlightFields {
  participantId: string | null;
  kind: HighlightKind;
  insight: string;
  tags: string[];
  sentiment: number;
  sentimentEdited: boolean;
  anchors: StoredHighlightAnchor[];
  searchText: string;
}

type Executor = Kysely<Database> | Transaction<Database>;

async function writeLinks(trx: Executor, id: string, workspaceId: string, fields: HighlightFields): Promise<void> {
  await trx.deleteFrom("research_highlight_tags").where("highlight_id", "=", id).execute();
  await trx.deleteFrom("research_highlight_anchors").where("highlight_id", "=", id).execute();
  const tags = [...new Set(fields.tags)];
  if (tags.length > 0)
    await trx
      .insertInto("research_highlight_tags")
      .values(tags.map((tag) => ({ highlight_id: id, workspace_id: workspaceId, tag })))
      .execute();
  if (fields.anchors.length > 0)
    await trx
      .insertInto("research_highlight_anchors")
      .values(
        fields.anchors.map((a, position) => ({
          highlight_id: id,
          workspace_id: workspaceId,
          position,
          kind: a.kind,
          map_id: a.mapId,
          step_id: a.stepId,
          stage_id: a.stageId,
          card_id: a.cardId,
          idea_id: a.ideaId,
          label: a.label,
        })),
      )
      .execute();
}

/** Stores a new highlight with its tags and anchors in one transaction. */
export async function insertHighlight(
  db: Db,
  h: {
    id: string;
    workspaceId: string;
    studyId: string;
    noteId: string;
    start: number;
    end: number;
    text: string;
    sentimentAuto: number;
    language: string;
    createdBy: string;
    at: string;
  },
  fields: HighlightFields,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto("research_highlights")
      .values({
        id: h.id,
        workspace_id: h.workspaceId,
        study_id: h.studyId,
        note_id: h.noteId,
        participant_id: fields.participantId,
        start_offset: h.start,
        end_offset: h.end,
        text: h.text,
        kind: fields.kind,
        insight: fields.insight,
        tags: JSON.stringify(fields.tags),
        sentiment: fields.sentiment,
        sentiment_auto: h.sentimentAuto,
        sentiment_edited: fields.sentimentEdited ? 1 : 0,
        language: h.language,
        search_text: fields.searchText,
        created_by: h.createdBy,
        created_at: h.at,
        updated_at: h.at,
      })
      .execute();
    await writeLinks(trx, h.id, h.workspaceId, fields);
  });
}

/** Replaces a highlight's fields, tags and anchors in one transaction. */
export async function updateHighlightFields(
  db: Db,
  h: StoredHighlight,
  fields: HighlightFields,
  at: string,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable("research_highlights")
      .set({
        participant_id: fields.participantId,
        kind: fields.kind,
        insight: fields.insight,
        tags: JSON.stringify(fields.tags),
        sentiment: fields.sentiment,
        sentiment_edited: fields.sentimentEdited ? 1 : 0,
        search_text: fields.searchText,
        updated_at: at,
      })
      .where("id", "=", h.id)
      .execute();
    await writeLinks(trx, h.id, h.workspaceId, fields);
  });
}

/** Deletes one highlight (its tags and anchors go with it). */
export async function deleteHighlight(db: Db, highlightId: string): Promise<void> {
  await db.kysely.deleteFrom("research_highlights").where("id", "=", highlightId).execute();
}

type HighlightRow = Selectable<ResearchHighlightsTable> & { participant_code: string | null };

/** Highlights by id, with their participant's code and anchors, in the order of `rows`. */
async function assemble(db: Db, rows: HighlightRow[]): Promise<StoredHighlight[]> {
  if (rows.length === 0) return [];
  const anchors = new Map<string, StoredHighlightAnchor[]>();
  const ids = rows.map((r) => r.id);
  // Chunks keep the statement under SQLite's and PostgreSQL's parameter limits on big searches.
  for (let i = 0; i < ids.length; i += 500) {
    const found: Selectable<ResearchHighlightAnchorsTable>[] = await db.kysely
      .selectFrom("research_highlight_anchors")
      .selectAll()
      .where("highlight_id", "in", ids.slice(i, i + 500))
      .orderBy("highlight_id")
      .orderBy("position")
      .execute();
    for (const a of found) {
      const list = anchors.get(a.highlight_id) ?? [];
      list.push({
        kind: a.kind as StoredHighlightAnchor["kind"],
        mapId: a.map_id,
        stepId: a.step_id,
        stageId: a.stage_id,
        cardId: a.card_id,
        ideaId: a.idea_id,
        label: a.label,
      });
      anchors.set(a.highlight_id, list);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    workspaceId: r.workspace_id,
    studyId: r.study_id,
    noteId: r.note_id,
    participantId: r.participant_id,
    participantCode: r.participant_code,
    start: r.start_offset,
    end: r.end_offset,
    text: r.text,
    kind: r.kind as HighlightKind,
    insight: r.insight,
    tags: JSON.parse(r.tags) as string[],
    sentiment: Number(r.sentiment),
    sentimentAuto: Number(r.sentiment_auto),
    sentimentEdited: r.sentiment_edited === 1,
    language: r.language,
    anchors: anchors.get(r.id) ?? [],
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** The base query: highlights of a workspace with their participant's code. */
export function highlightQuery(db: Db, workspaceId: string) {
  return db.kysely
    .selectFrom("research_highlights as h")
    .leftJoin("research_participants as p", "p.id", "h.participant_id")
    .selectAll("h")
    .select("p.code as participant_code")
    .where("h.workspace_id", "=", workspaceId);
}

/** Runs a highlight query (from `highlightQuery`, filtered) and assembles what it found. */
export async function readHighlights(db: Db, query: ReturnType<typeof highlightQuery>): Promise<StoredHighlight[]> {
  return assemble(db, await query.execute());
}

/** One highlight of the workspace; not found when in another workspace or deleted. */
export async function getHighlight(db: Db, workspaceId: string, highlightId: string): Promise<StoredHighlight> {
  const [found] = await readHighlights(db, highlightQuery(db, workspaceId).where("h.id", "=", highlightId));
  if (!found) throw notFound("highlight");
  return found;
}

/** The workspace's highlights of a note, study or participant, in note order. */
export async function listHighlights(
  db: Db,
  workspaceId: string,
  filter: { noteId?: string; studyId?: string; participantId?: string },
): Promise<StoredHighlight[]> {
  let query = highlightQuery(db, workspaceId);
  if (filter.noteId) query = query.where("h.note_id", "=", filter.noteId);
  if (filter.studyId) query = query.where("h.study_id", "=", filter.studyId);
  if (filter.participantId) query = query.where("h.participant_id", "=", filter.participantId);
  return readHighlights(db, query.orderBy("h.note_id").orderBy("h.start_offset").orderBy("h.id"));
}

/** Highlights anchored to anything on one map (steps, stages, cards). */
export async function listHighlightsOnMap(db: Db, workspaceId: string, mapId: string): Promise<StoredHighlight[]> {
  const query = highlightQuery(db, workspaceId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("research_highlight_anchors as a")
          .select("a.highlight_id")
          .whereRef("a.highlight_id", "=", "h.id")
          .where("a.map_id", "=", mapId),
      ),
    )
    .orderBy("h.created_at")
    .orderBy("h.id");
  return readHighlights(db, query);
}
