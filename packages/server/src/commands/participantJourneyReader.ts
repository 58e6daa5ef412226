import {
  aggregateJourneys,
  type JourneyStep,
  type MapJourneys,
  type MapSnapshot,
  type ParticipantJourney,
} from "@opencjm/core";
import { notFound } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { listHighlightsOnMap, type StoredHighlight } from "../store/highlightStore.js";
import { listJourneySteps, type StoredJourneyStep } from "../store/researchJourneyStore.js";
import { sumDraftSentiments, type ParticipantStepSentiment } from "../store/mapResearchStore.js";
import { getParticipant, listParticipants } from "../store/researchParticipantStore.js";
import { findCardOnMap } from "./highlightAnchorResolver.js";
import { readAnchorPlaces } from "./mapAnchorPlaces.js";

/** Adds `item` to the list under `key`, in place (copying the list per item made large studies quadratic). */
function addTo<K, V>(lists: Map<K, V[]>, key: K, item: V): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}

/** A map of the workspace with its body; not found otherwise. */
export async function loadJourneyMap(services: Services, workspaceId: string, mapId: string): Promise<MapSnapshot> {
  const map = await services.maps.find(workspaceId, mapId);
  if (!map) throw notFound("map");
  return services.maps.readSnapshot(mapId);
}

/** The map steps a highlight is about on this map: a step, a stage's first step, a card's step. */
function stepsOfHighlight(snapshot: MapSnapshot, mapId: string, highlight: StoredHighlight): string[] {
  const onMap = new Set<string>(snapshot.steps.map((s) => s.id));
  const found = highlight.anchors.flatMap((a) => {
    if (a.mapId !== mapId) return [];
    if (a.kind === "step") return a.stepId && onMap.has(a.stepId) ? [a.stepId] : [];
    if (a.kind === "stage")
      return snapshot.steps
        .filter((s) => s.stageId === a.stageId)
        .slice(0, 1)
        .map((s) => s.id);
    const place = a.cardId ? findCardOnMap(snapshot, a.cardId) : undefined;
    return place ? [place.stepId] : [];
  });
  return [...new Set(found)];
}

/**
 * A participant's journey drafted from their highlights on the map: the steps they are about, in the map's order,
 * each with their mean sentiment there turned into an emotion (−1…1 → −3…+3, rounded).
 */
function draftFromHighlights(
  snapshot: MapSnapshot,
  mapId: string,
  highlights: readonly StoredHighlight[],
): JourneyStep[] {
  const sentiments = new Map<string, number[]>();
  for (const h of highlights)
    for (const stepId of stepsOfHighlight(snapshot, mapId, h)) addTo(sentiments, stepId, h.sentiment);
  return snapshot.steps.flatMap((step) => {
    const values = sentiments.get(step.id);
    return values ? [draftStep(step, values.reduce((a, b) => a + b, 0) / values.length)] : [];
  });
}

/** A drafted step: the mean sentiment there turned into an emotion (−1…1 → −3…+3, rounded). */
function draftStep(step: MapSnapshot["steps"][number], meanSentiment: number): JourneyStep {
  const emotion = Math.max(-3, Math.min(3, Math.round(meanSentiment * 3)));
  return { stepId: step.id, name: step.name, emotion: emotion === 0 ? 0 : emotion, note: "", missing: false };
}

/** A draft journey from its steps' summed sentiments, as `draftFromHighlights` makes it from the highlights. */
function draftFromSums(snapshot: MapSnapshot, sums: readonly ParticipantStepSentiment[]): JourneyStep[] {
  const means = new Map(sums.map((s) => [s.stepId, s.sentimentSum / s.highlights]));
  return snapshot.steps.flatMap((step) => {
    const mean = means.get(step.id);
    return mean === undefined ? [] : [draftStep(step, mean)];
  });
}

/** Entered journey steps as answered: the map step's current name, or `missing` when the step is gone. */
function presentEntered(snapshot: MapSnapshot, rows: readonly StoredJourneyStep[]): JourneyStep[] {
  const names = new Map<string, string>(snapshot.steps.map((s) => [s.id, s.name]));
  return rows.map((r) => ({
    stepId: r.stepId,
    name: (r.stepId !== null ? names.get(r.stepId) : undefined) ?? r.name,
    emotion: r.emotion,
    note: r.note,
    missing: r.stepId !== null && !names.has(r.stepId),
  }));
}

/** A participant's journey on a map: as entered, else drafted from their highlights there, else empty. */
export async function readParticipantJourney(
  services: Services,
  workspaceId: string,
  participantId: string,
  mapId: string,
): Promise<ParticipantJourney> {
  const participant = await getParticipant(services.db, workspaceId, participantId);
  const snapshot = await loadJourneyMap(services, workspaceId, mapId);
  const rows = await listJourneySteps(services.db, workspaceId, { mapId, participantId });
  const base = { participantId, participantCode: participant.code, mapId };
  if (rows.length > 0)
    return { ...base, source: "entered", steps: presentEntered(snapshot, rows), updatedAt: rows[0]!.updatedAt };
  const highlights = (await listHighlightsOnMap(services.db, workspaceId, mapId)).filter(
    (h) => h.participantId === participantId,
  );
  const steps = draftFromHighlights(snapshot, mapId, highlights);
  return { ...base, source: steps.length > 0 ? "highlights" : "none", steps, updatedAt: null };
}

/**
 * Every participant's journey on a map aggregated onto it: entered journeys, and for participants without one, the
 * draft from their highlights; per step how many went through it and how they felt, and the steps the map lacks.
 */
export async function readMapJourneys(services: Services, workspaceId: string, mapId: string): Promise<MapJourneys> {
  const snapshot = await loadJourneyMap(services, workspaceId, mapId);
  const rows = await listJourneySteps(services.db, workspaceId, { mapId });
  const entered = new Map<string, StoredJourneyStep[]>();
  for (const row of rows) addTo(entered, row.participantId, row);
  // Drafts are summed per participant and step by the database: a large study's highlights are never read out.
  const { places } = await readAnchorPlaces(services, workspaceId, mapId, snapshot);
  const highlighted = new Map<string, ParticipantStepSentiment[]>();
  for (const sum of await sumDraftSentiments(services.db, workspaceId, mapId, places))
    addTo(highlighted, sum.participantId, sum);
  const codes = new Map((await listParticipants(services.db, workspaceId)).map((p) => [p.id, p.code]));
  const journeys = [
    ...[...entered].map(([participantId, steps]) => ({ participantId, steps: presentEntered(snapshot, steps) })),
    ...[...highlighted].map(([participantId, sums]) => ({ participantId, steps: draftFromSums(snapshot, sums) })),
  ].map((j) => ({ ...j, participantCode: codes.get(j.participantId) ?? "" }));
  return {
    mapId,
    ...aggregateJourneys(
      snapshot.steps.map((s) => s.id),
      journeys,
    ),
  };
}
