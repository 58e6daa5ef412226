import {
  applyMapOperations,
  foldStepName,
  type JourneyStepAdopt,
  type JourneyStepAdopted,
  type ParticipantJourney,
  type ParticipantJourneyPut,
} from "@opencjm/core";
import { fieldError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { linkJourneySteps, listJourneySteps, replaceJourney } from "../store/researchJourneyStore.js";
import { getParticipant } from "../store/researchParticipantStore.js";
import { loadJourneyMap, readParticipantJourney } from "./participantJourneyReader.js";

const unknownStep = (field: string, stepId: string) =>
  fieldError(field, `no step "${stepId}" on that map`, { detail: "unknown step" });

/**
 * Stores a participant's journey on a map as entered (the whole list, in order); every step id must be one of the
 * map's, and a step named instead is one the map lacks. Nothing is stored when any step is refused. An empty list
 * leaves no entered journey: the draft from highlights shows again.
 */
export async function saveParticipantJourney(
  services: Services,
  workspaceId: string,
  participantId: string,
  mapId: string,
  body: ParticipantJourneyPut,
): Promise<ParticipantJourney> {
  await getParticipant(services.db, workspaceId, participantId);
  const snapshot = await loadJourneyMap(services, workspaceId, mapId);
  const names = new Map<string, string>(snapshot.steps.map((s) => [s.id, s.name]));
  const steps = body.steps.map((step, i) => {
    if (!("stepId" in step)) return { stepId: null, name: step.name, emotion: step.emotion, note: step.note };
    const name = names.get(step.stepId);
    if (name === undefined) throw unknownStep(`steps[${i}].stepId`, step.stepId);
    return { stepId: step.stepId, name, emotion: step.emotion, note: step.note };
  });
  await replaceJourney(services.db, workspaceId, participantId, mapId, steps, new Date().toISOString());
  return readParticipantJourney(services, workspaceId, participantId, mapId);
}

/**
 * Adds a step participants took that the map lacks to the map (after the step given, in its stage; else at the start
 * of the first stage), as an edit everyone on the map sees at once, and points every entered journey step of that name
 * on this map at it, so the map then counts them there.
 */
export async function adoptJourneyStep(
  services: Services,
  workspaceId: string,
  userId: string,
  mapId: string,
  body: JourneyStepAdopt,
): Promise<JourneyStepAdopted> {
  const snapshot = await loadJourneyMap(services, workspaceId, mapId);
  const after = body.afterStepId === null ? null : snapshot.steps.find((s) => s.id === body.afterStepId);
  if (after === undefined) throw unknownStep("afterStepId", body.afterStepId!);
  const stageId = after?.stageId ?? snapshot.stages[0]?.id;
  if (!stageId) throw fieldError("afterStepId", "the map has no stage to add a step to");
  const firstOfStage = snapshot.steps.find((s) => s.stageId === stageId);
  const position = after ? { after: after.id } : firstOfStage ? { before: firstOfStage.id } : undefined;
  const { result } = await services.maps.edit(
    mapId,
    (doc) => applyMapOperations(doc, [{ op: "addStep", stageId, name: body.name, position }]),
    `api:${userId}`,
  );
  const stepId = result[0]!.id!;
  const folded = foldStepName(body.name);
  const onMap = new Set<string>(snapshot.steps.map((s) => s.id));
  const same = (await listJourneySteps(services.db, workspaceId, { mapId })).filter(
    (r) => (r.stepId === null || !onMap.has(r.stepId)) && foldStepName(r.name) === folded,
  );
  const linked = await linkJourneySteps(services.db, workspaceId, mapId, same, stepId);
  return { stepId, linked };
}
