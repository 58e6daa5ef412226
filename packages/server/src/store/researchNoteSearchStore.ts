import type { Db } from "../db/createDb.js";

/** Which notes a full-text search reads: of a study, of a persona's participants or studies, or among given notes. */
export interface NoteSearch {
  studyId?: string;
  /** A persona: notes of its participants, or notes without a participant of one in studies of that persona. */
  persona?: { personaId: string; studyIds: string[] };
  /** Only these notes (those holding a highlight that passes the highlight filters). */
  noteIds?: string[];
}

/** Notes read per page, so a workspace of long transcripts is never held in memory at once. */
const PAGE = 100;

/** A note's fields the search reads. */
export interface SearchedNote {
  id: string;
  title: string;
  studyId: string;
  participantId: string | null;
  participantCode: string | null;
  text: string;
}

/** The workspace's notes passing the filters, newest first, page by page. */
export async function* pageNotesForSearch(
  db: Db,
  workspaceId: string,
  search: NoteSearch,
): AsyncGenerator<SearchedNote[]> {
  if (search.noteIds?.length === 0) return;
  for (let offset = 0; ; offset += PAGE) {
    let query = db.kysely
      .selectFrom("research_notes as n")
      .leftJoin("research_participants as p", "p.id", "n.participant_id")
      .select(["n.id", "n.title", "n.study_id", "n.participant_id", "p.code", "n.text"])
      .where("n.workspace_id", "=", workspaceId);
    if (search.studyId) query = query.where("n.study_id", "=", search.studyId);
    if (search.noteIds) query = query.where("n.id", "in", search.noteIds);
    const { persona } = search;
    if (persona)
      query = query.where((eb) =>
        eb.or([
          eb("p.persona_id", "=", persona.personaId),
          ...(persona.studyIds.length > 0
            ? [eb.and([eb("p.persona_id", "is", null), eb("n.study_id", "in", persona.studyIds)])]
            : []),
        ]),
      );
    const rows = await query.orderBy("n.updated_at", "desc").orderBy("n.id").limit(PAGE).offset(offset).execute();
    if (rows.length > 0)
      yield rows.map((r) => ({
        id: r.id,
        title: r.title,
        studyId: r.study_id,
        participantId: r.participant_id,
        participantCode: r.code ?? null,
        text: r.text,
      }));
    if (rows.length < PAGE) return;
  }
}
