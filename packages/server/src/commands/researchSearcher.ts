import type { ResearchSearchQuery, ResearchSearchResult } from "@opencjm/core";
import type { Services } from "../services.js";
import { listStudies } from "../store/researchStudyStore.js";
import { notesWithMatchingHighlights, searchHighlights } from "../store/researchSearchStore.js";
import { searchTermsOf } from "./foldSearchText.js";
import { presentHighlight, ResearchLookup } from "./highlightAnchorResolver.js";
import { searchNotes } from "./researchNoteSearcher.js";

/**
 * Insight search across the workspace's studies: every word of `q` must occur in a highlight's words, insight or
 * tags (substring matching, so it works in all five scripts), combined with the tag, persona, map, step, sentiment,
 * study and kind filters. A persona matches its participants, and participants without a persona in its studies.
 * Notes and transcripts are searched by their full text too, each found with a snippet around its first match.
 */
export async function searchResearch(
  services: Services,
  workspaceId: string,
  query: ResearchSearchQuery,
): Promise<ResearchSearchResult> {
  const studies = await listStudies(services.db, workspaceId);
  const { personaId } = query;
  const persona = personaId
    ? { personaId, studyIds: studies.filter((s) => s.personaIds.includes(personaId)).map((s) => s.id) }
    : undefined;
  const search = {
    terms: searchTermsOf(query.q),
    tag: query.tag,
    mapId: query.mapId,
    stepId: query.stepId,
    sentiment: query.sentiment,
    studyId: query.studyId,
    kind: query.kind,
    persona,
    limit: query.limit,
  };
  const found = await searchHighlights(services.db, workspaceId, search);
  // Notes are searched by their full text; the highlight filters keep the notes holding a highlight that passes them.
  const byHighlights = query.tag || query.mapId || query.stepId || query.sentiment || query.kind;
  const noteIds = byHighlights ? await notesWithMatchingHighlights(services.db, workspaceId, search) : undefined;
  const notes = await searchNotes(
    services.db,
    workspaceId,
    search.terms,
    { studyId: query.studyId, persona, noteIds },
    query.limit,
  );

  const titles = new Map(studies.map((s) => [s.id, s.title]));
  const lookup = new ResearchLookup(services, workspaceId);
  const hits = await Promise.all(
    found.highlights.map(async (h) => ({
      ...(await presentHighlight(lookup, h)),
      studyTitle: titles.get(h.studyId) ?? "",
    })),
  );
  return {
    hits,
    total: found.total,
    notes: notes.notes.map((n) => ({ ...n, studyTitle: titles.get(n.studyId) ?? "" })),
    notesTotal: notes.total,
  };
}
