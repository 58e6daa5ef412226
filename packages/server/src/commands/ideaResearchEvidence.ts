import type { IdeaEvidence } from "@opencjm/core";
import type { Services } from "../services.js";
import { listIdeaHighlightAnchors, type IdeaHighlightAnchor } from "../store/ideaResearchStore.js";
import type { AnchorPlaces } from "../store/mapResearchStore.js";
import { readAnchorPlaces } from "./mapAnchorPlaces.js";

type Counts = Omit<IdeaEvidence["research"], "onIdea">;

/** The step an anchor leads to on its map as it is now (a stage at its first step, a card at its step), or null. */
function stepOf(a: IdeaHighlightAnchor, places: AnchorPlaces): string | null {
  if (a.kind === "idea") return null;
  if (a.kind === "step") return a.stepId !== null && places.steps.includes(a.stepId) ? a.stepId : null;
  if (a.kind === "stage") return a.stageId === null ? null : (places.stageSteps.get(a.stageId) ?? null);
  return a.cardId === null ? null : (places.cardSteps.get(a.cardId) ?? null);
}

/** Highlights, and the participants and notes they come from, each counted once. */
function countsOf(anchors: readonly IdeaHighlightAnchor[]): Counts {
  const distinct = (values: Array<string | null>) => new Set(values.filter((v) => v !== null)).size;
  return {
    highlights: distinct(anchors.map((a) => a.highlightId)),
    participants: distinct(anchors.map((a) => a.participantId)),
    notes: distinct(anchors.map((a) => a.noteId)),
  };
}

/** The key of a step of a map in the per-step counts. */
export const stepKey = (mapId: string, stepId: string) => `${mapId}\u0000${stepId}`;

/**
 * The research repository's evidence for an idea: highlights anchored to the idea itself or to its steps (directly,
 * through the step's stage or a card on it, as the maps are now), with the participants and notes they come from,
 * per step and in all, each highlight counted once. A deleted map contributes nothing.
 */
export async function collectIdeaResearch(
  services: Services,
  workspaceId: string,
  ideaId: string,
  stepsByMap: ReadonlyMap<string, readonly string[]>,
): Promise<{ steps: Map<string, Counts>; research: IdeaEvidence["research"] }> {
  const anchors = await listIdeaHighlightAnchors(services.db, workspaceId, ideaId, [...stepsByMap.keys()]);
  const byStep = new Map<string, IdeaHighlightAnchor[]>();
  for (const [mapId, stepIds] of stepsByMap) {
    if (!(await services.maps.find(workspaceId, mapId))) continue;
    const snapshot = await services.maps.readSnapshot(mapId);
    const { places } = await readAnchorPlaces(services, workspaceId, mapId, snapshot);
    for (const a of anchors) {
      const stepId = a.mapId === mapId ? stepOf(a, places) : null;
      if (stepId === null || !stepIds.includes(stepId)) continue;
      const key = stepKey(mapId, stepId);
      byStep.set(key, [...(byStep.get(key) ?? []), a]);
    }
  }
  const onIdea = anchors.filter((a) => a.kind === "idea" && a.ideaId === ideaId);
  const all = [...onIdea, ...[...byStep.values()].flat()];
  return {
    steps: new Map([...byStep].map(([key, list]) => [key, countsOf(list)])),
    research: { ...countsOf(all), onIdea: countsOf(onIdea).highlights },
  };
}
