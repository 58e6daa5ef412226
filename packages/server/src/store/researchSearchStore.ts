import type { HighlightKind, SentimentBucket } from "@opencjm/core";
import { sql } from "kysely";
import type { Db } from "../db/createDb.js";
import { highlightQuery, readHighlights, type StoredHighlight } from "./highlightStore.js";

/** Filters of an insight search, ready for SQL: `terms` already folded like the stored search text. */
export interface HighlightSearch {
  terms: string[];
  tag?: string;
  mapId?: string;
  stepId?: string;
  sentiment?: SentimentBucket;
  studyId?: string;
  kind?: HighlightKind;
  /** A persona: highlights of its participants, or of participants without one in studies of that persona. */
  persona?: { personaId: string; studyIds: string[] };
  limit: number;
}

/** A LIKE pattern matching `term` anywhere, with `!` escaping LIKE's wildcards (the same on SQLite and PostgreSQL). */
const containing = (term: string) => `%${term.replace(/[!%_]/g, (c) => `!${c}`)}%`;

function filtered(db: Db, workspaceId: string, search: HighlightSearch) {
  let query = highlightQuery(db, workspaceId);
  // Substring matching on folded text: scripts without spaces (Chinese) match inside words, and every term must occur.
  for (const term of search.terms) query = query.where(sql<boolean>`h.search_text like ${containing(term)} escape '!'`);
  if (search.studyId) query = query.where("h.study_id", "=", search.studyId);
  if (search.kind) query = query.where("h.kind", "=", search.kind);
  if (search.sentiment === "negative") query = query.where("h.sentiment", "<", -0.05);
  if (search.sentiment === "positive") query = query.where("h.sentiment", ">", 0.05);
  if (search.sentiment === "neutral") query = query.where("h.sentiment", ">=", -0.05).where("h.sentiment", "<=", 0.05);
  const { tag, mapId, stepId, persona } = search;
  if (tag)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("research_highlight_tags as t")
          .select("t.highlight_id")
          .whereRef("t.highlight_id", "=", "h.id")
          .where("t.tag", "=", tag),
      ),
    );
  if (mapId || stepId)
    query = query.where((eb) => {
      let anchors = eb
        .selectFrom("research_highlight_anchors as a")
        .select("a.highlight_id")
        .whereRef("a.highlight_id", "=", "h.id");
      if (mapId) anchors = anchors.where("a.map_id", "=", mapId);
      if (stepId) anchors = anchors.where("a.step_id", "=", stepId);
      return eb.exists(anchors);
    });
  if (persona)
    query = query.where((eb) =>
      eb.or([
        eb("p.persona_id", "=", persona.personaId),
        ...(persona.studyIds.length > 0
          ? [eb.and([eb("p.persona_id", "is", null), eb("h.study_id", "in", persona.studyIds)])]
          : []),
      ]),
    );
  return query;
}

/** Highlights matching every filter, newest first (at most `limit`), and how many match in all. */
export async function searchHighlights(
  db: Db,
  workspaceId: string,
  search: HighlightSearch,
): Promise<{ highlights: StoredHighlight[]; total: number }> {
  const counted = await filtered(db, workspaceId, search)
    .clearSelect()
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirst();
  const highlights = await readHighlights(
    db,
    filtered(db, workspaceId, search).orderBy("h.created_at", "desc").orderBy("h.id").limit(search.limit),
  );
  return { highlights, total: Number(counted?.n ?? 0) };
}

/** The notes holding a highlight that passes every filter but the words (the note search's tag, step… filters). */
export async function notesWithMatchingHighlights(
  db: Db,
  workspaceId: string,
  search: HighlightSearch,
): Promise<string[]> {
  const rows = await filtered(db, workspaceId, { ...search, terms: [] })
    .clearSelect()
    .select("h.note_id")
    .distinct()
    .execute();
  return rows.map((r) => r.note_id);
}
