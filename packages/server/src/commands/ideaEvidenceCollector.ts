import { MapMetricsRequestSchema, type IdeaEvidence, type MapSnapshot } from "@opencjm/core";
import { DomainError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { getStoredIdea } from "../store/ideaStore.js";
import { collectIdeaResearch, stepKey } from "./ideaResearchEvidence.js";
import { metricsForMap } from "./metricsForMap.js";

type StepEvidence = IdeaEvidence["steps"][number];

function quoteCardsAt(snapshot: MapSnapshot, stepId: string): number {
  return snapshot.cells
    .filter((cell) => cell.stepId === stepId)
    .reduce((n, cell) => n + cell.cards.filter((card) => card.kind === "quote").length, 0);
}

/**
 * The evidence behind an idea, per step it is linked to (by an anchor or as a step it changes): customers who reach
 * the step, how many leave there, the sentiment of what they wrote, the quotes on the map at that step and the research
 * highlights anchored there. Each map is measured once over all its customer data; a map that cannot be measured is
 * listed with the reason. The research repository's highlights on the idea and its steps are also counted in all.
 */
export async function collectIdeaEvidence(
  services: Services,
  workspaceId: string,
  ideaId: string,
): Promise<IdeaEvidence> {
  const idea = await getStoredIdea(services.db, workspaceId, ideaId);
  const stepsByMap = new Map<string, string[]>();
  for (const link of [...idea.anchors, ...idea.steps]) {
    if (link.stepId === null) continue;
    const steps = stepsByMap.get(link.mapId) ?? [];
    if (!steps.includes(link.stepId)) steps.push(link.stepId);
    stepsByMap.set(link.mapId, steps);
  }
  const { steps: highlightsAt, research } = await collectIdeaResearch(services, workspaceId, ideaId, stepsByMap);
  const evidence: IdeaEvidence = { steps: [], research, unmeasured: [] };
  for (const [mapId, stepIds] of stepsByMap) {
    let measured: Awaited<ReturnType<typeof metricsForMap>>;
    try {
      measured = await metricsForMap(services, workspaceId, mapId, MapMetricsRequestSchema.parse({}));
    } catch (err) {
      // A deleted map or a workspace without data is part of the answer, not a failure of it.
      if (!(err instanceof DomainError)) throw err;
      evidence.unmeasured.push({ mapId, reason: err.message });
      continue;
    }
    for (const stepId of stepIds) {
      const step = measured.metrics.steps.find((s) => s.stepId === stepId);
      if (!step) continue;
      const found: StepEvidence = {
        mapId,
        stepId,
        stepName: step.name,
        customers: step.customers,
        dropOff: step.conversion?.dropOff ?? null,
        dropOffRate: step.conversion?.dropOffRate ?? null,
        sentiment: step.sentiment.mean,
        feedbackCount: step.sentiment.count,
        quoteCards: quoteCardsAt(measured.snapshot, stepId),
        highlights: highlightsAt.get(stepKey(mapId, stepId))?.highlights ?? 0,
        highlightParticipants: highlightsAt.get(stepKey(mapId, stepId))?.participants ?? 0,
        highlightNotes: highlightsAt.get(stepKey(mapId, stepId))?.notes ?? 0,
      };
      evidence.steps.push(found);
    }
  }
  return evidence;
}
