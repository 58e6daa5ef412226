import type { ResearchSearchQuery, ResearchSearchResult } from "@opencjm/core";
import type { Services } from "../services.js";
import { listStudies } from "../store/researchStudyStore.js";
import { searchHighlights } from "../store/researchSearchStore.js";
import { searchTermsOf } from "./foldSearchText.js";
import { presentHighlight, ResearchLookup } from "./highlightAnchorResolver.js";

/**
 * Insight search across the workspace's studies: every word of `q` must occur in a highlight's words, insight or
 * tags (substring matching, so it works in all five scripts), combined with the tag, persona, map, step, sentiment,
 * study and kind filters. A persona matches its participants, and participants without a persona in its studies.
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
  const found = await searchHighlights(services.db, workspaceId, {
    terms: searchTermsOf(query.q),
    tag: query.tag,
    mapId: query.mapId,
    stepId: query.stepId,
    sentiment: query.sentiment,
    studyId: query.studyId,
    kind: query.kind,
    persona,
    limit: query.limit,
  });
  const titles = new Map(studies.map((s) => [s.id, s.title]));
  const lookup = new ResearchLookup(services, workspaceId);
  const hits = await Promise.all(
    found.highlights.map(async (h) => ({
      ...(await presentHighlight(lookup, h)),
      studyTitle: titles.get(h.studyId) ?? "",
    })),
  );
  return { hits, total: found.total };
}
