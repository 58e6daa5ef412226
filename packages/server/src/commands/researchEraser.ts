import { applyMapOperations, type ErasureReport, type Participant } from "@opencjm/core";
import type { Services } from "../services.js";
import { getNote } from "../store/researchNoteStore.js";
import { getParticipant, listParticipants } from "../store/researchParticipantStore.js";
import { eraseResearch, type ErasedResearch, type ErasureScope } from "../store/researchErasureStore.js";
import { getStudy, listStudies } from "../store/researchStudyStore.js";
import { erasedQuoteCardIds, targetsAnything, type ErasedQuoteTarget } from "./erasedQuoteCards.js";
import { customersOfParticipants } from "./participantCustomers.js";
import { removeQuotesFromVersions } from "./researchVersionCleaner.js";

/** Per map the studies inform, the codes (lower case) of the erased participants of those studies. */
async function codesByMap(
  services: Services,
  workspaceId: string,
  participants: Participant[],
): Promise<Map<string, Set<string>>> {
  const byMap = new Map<string, Set<string>>();
  if (participants.length === 0) return byMap;
  for (const study of await listStudies(services.db, workspaceId)) {
    const codes = participants.filter((p) => p.studyId === study.id && p.code.trim() !== "");
    for (const mapId of study.mapIds)
      for (const p of codes) byMap.set(mapId, (byMap.get(mapId) ?? new Set()).add(p.code.trim().toLowerCase()));
  }
  return byMap;
}

/**
 * Removes from every map of the workspace the quote cards derived from erased research, then from every stored
 * version of those maps, and compacts each map's log so the cards' inserts are folded away. The maps are edited like
 * any change, so people on them see the cards go at once.
 */
async function removeDerivedQuotes(
  services: Services,
  workspaceId: string,
  userId: string,
  target: ErasedQuoteTarget,
): Promise<ErasureReport["maps"]> {
  if (!targetsAnything(target)) return [];
  const maps = await services.maps.list(workspaceId);
  const quotes = new Map<string, number>();
  for (const map of maps) {
    const cardIds = erasedQuoteCardIds(await services.maps.readSnapshot(map.id), map.id, target);
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
    quotes.set(map.id, cardIds.length);
  }
  const versions = await removeQuotesFromVersions(services.db, workspaceId, target);
  // A card deleted before its insert was folded still sits in the log; folding garbage-collects its content.
  for (const map of maps) await services.maps.compact(map.id);
  return maps
    .filter((m) => quotes.has(m.id) || versions.has(m.id))
    .map((m) => ({ mapId: m.id, title: m.title, quotes: quotes.get(m.id) ?? 0, versions: versions.get(m.id) ?? 0 }));
}

/** The participants an erasure takes with it, read before they are deleted (their codes and identifiers are needed). */
async function participantsOf(services: Services, workspaceId: string, scope: ErasureScope): Promise<Participant[]> {
  if ("participantId" in scope) return [await getParticipant(services.db, workspaceId, scope.participantId)];
  if ("studyId" in scope) return listParticipants(services.db, workspaceId, scope.studyId);
  return [];
}

/**
 * Erases a participant, a study or a note with everything derived from it: notes, highlights (with their tags and
 * anchors), the participant's turns in shared transcripts, participants' own journeys, their survey answers (by code
 * or as the customer they are), the quote cards on maps that cite them or name them, in the maps and in every stored
 * version of them; records it in the activity log (by pseudonymous code, never personal details) and says how much
 * was removed. Backups made afterwards hold none.
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
      ? { kind: "participant", label: "" }
      : "studyId" in scope
        ? { kind: "study", label: (await getStudy(services.db, workspaceId, scope.studyId)).title }
        : { kind: "note", label: (await getNote(services.db, workspaceId, scope.noteId)).title };
  const participants = await participantsOf(services, workspaceId, scope);
  if ("participantId" in scope) subject.label = participants[0]!.code;
  const customers = await customersOfParticipants(services, workspaceId, participants);
  const codes = await codesByMap(services, workspaceId, participants);
  const erased: ErasedResearch = await eraseResearch(services.db, workspaceId, scope, customers);
  const maps = await removeDerivedQuotes(services, workspaceId, userId, {
    refs: new Set([...erased.highlightIds, ...erased.participantIds]),
    codesByMap: codes,
  });
  const report: ErasureReport = {
    participants: erased.participantIds.length,
    notes: erased.noteIds.length,
    highlights: erased.highlightIds.length,
    journeys: erased.journeys,
    surveyAnswers: erased.surveyAnswers,
    mapQuotes: maps.reduce((sum, m) => sum + m.quotes, 0),
    transcriptTurns: erased.transcriptTurns,
    versions: maps.reduce((sum, m) => sum + m.versions, 0),
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
