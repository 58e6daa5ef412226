import { applyMapOperations, type ErasureReport } from "@opencjm/core";
import type { Services } from "../services.js";
import { getNote } from "../store/researchNoteStore.js";
import { getParticipant } from "../store/researchParticipantStore.js";
import { eraseResearch, type ErasedResearch, type ErasureScope } from "../store/researchErasureStore.js";
import { getStudy } from "../store/researchStudyStore.js";

/**
 * Removes from every map of the workspace the quote cards derived from erased research: those whose evidence names
 * an erased highlight or participant. Each map is edited like any change, so people on it see the cards go at once.
 */
async function removeDerivedQuotes(
  services: Services,
  workspaceId: string,
  userId: string,
  erased: ErasedResearch,
): Promise<ErasureReport["maps"]> {
  const gone = new Set([...erased.highlightIds, ...erased.participantIds]);
  if (gone.size === 0) return [];
  const touched: ErasureReport["maps"] = [];
  for (const map of await services.maps.list(workspaceId)) {
    const snapshot = await services.maps.readSnapshot(map.id);
    const cardIds = snapshot.cells.flatMap((cell) =>
      cell.cards.filter((c) => c.kind === "quote" && c.evidence.refs.some((ref) => gone.has(ref))).map((c) => c.id),
    );
    if (cardIds.length === 0) continue;
    await services.maps.edit(
      map.id,
      (doc) =>
        applyMapOperations(
          doc,
          cardIds.map((cardId) => ({ op: "removeCard" as const, cardId })),
        ),
      `api:${userId}`,
    );
    touched.push({ mapId: map.id, title: map.title, quotes: cardIds.length });
  }
  return touched;
}

/**
 * Erases a participant, a study or a note with everything derived from it: notes, highlights (with their tags and
 * anchors), participants' own journeys and the quote cards on maps that cite them; records it in the activity log
 * (by pseudonymous code, never personal details) and says how much was removed. Backups made afterwards hold none.
 */
export async function eraseResearchScope(
  services: Services,
  workspaceId: string,
  userId: string,
  scope: ErasureScope,
): Promise<ErasureReport> {
  // Not found (another workspace, already erased) is answered before anything is deleted.
  const subject =
    "participantId" in scope
      ? { kind: "participant", label: (await getParticipant(services.db, workspaceId, scope.participantId)).code }
      : "studyId" in scope
        ? { kind: "study", label: (await getStudy(services.db, workspaceId, scope.studyId)).title }
        : { kind: "note", label: (await getNote(services.db, workspaceId, scope.noteId)).title };
  const erased = await eraseResearch(services.db, workspaceId, scope);
  const maps = await removeDerivedQuotes(services, workspaceId, userId, erased);
  const report: ErasureReport = {
    participants: erased.participantIds.length,
    notes: erased.noteIds.length,
    highlights: erased.highlightIds.length,
    journeys: erased.journeys,
    surveyAnswers: erased.surveyAnswers,
    mapQuotes: maps.reduce((sum, m) => sum + m.quotes, 0),
    maps,
  };
  await services.activity.record({
    workspaceId,
    actorId: userId,
    action: "research.erased",
    data: {
      kind: subject.kind,
      name: subject.label,
      participants: report.participants,
      notes: report.notes,
      highlights: report.highlights,
      quotes: report.mapQuotes,
    },
  });
  return report;
}
