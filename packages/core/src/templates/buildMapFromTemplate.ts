import { applyMapOperations } from "../document/applyMapOperations.js";
import { createMapDocument } from "../document/mapDocument.js";
import type { MapOperation } from "../document/mapOperation.js";
import { docToSnapshot } from "../document/mapSnapshot.js";
import { MapOperationError } from "../document/MapOperationError.js";
import { newId, type PersonaId } from "../ids.js";
import type { Locale } from "../locale.js";
import { MapSettingsSchema, type MapSnapshot } from "../schemas/journeyMap.js";
import type { LaneType } from "../schemas/lane.js";
import { LANE_NAMES } from "./laneNames.js";
import { findTemplate } from "./templateCatalogue.js";

/**
 * Builds a new map body from a template in one language, with the template's stages, steps (its goal step marked),
 * lanes and starter cards.
 * Lane prompts (LANE_PROMPTS) are not stored: the editor shows them as placeholders in an empty lane.
 */
export function buildMapFromTemplate(
  templateId: string,
  options: { locale: Locale; title?: string; personaIds?: string[]; goal?: string },
): MapSnapshot {
  const template = findTemplate(templateId);
  if (!template) throw new MapOperationError("not_found", `unknown template "${templateId}"`, "templateId");
  const { locale } = options;
  const settings = MapSettingsSchema.parse({
    title: options.title?.trim() || template.name[locale],
    type: template.mapType,
    goal: options.goal ?? "",
    personaIds: (options.personaIds ?? []) as PersonaId[],
    locale,
    templateId,
  });
  const doc = createMapDocument(settings);
  const ops: MapOperation[] = [];
  const laneIds = new Map<LaneType, string>();
  for (const type of template.lanes) {
    const id = newId();
    laneIds.set(type, id);
    ops.push({ op: "addLane", id, type, name: LANE_NAMES[type][locale] });
  }
  for (const stage of template.stages) {
    const stageId = newId();
    ops.push({ op: "addStage", id: stageId, name: stage.name[locale], color: stage.color });
    for (const step of stage.steps) {
      const stepId = newId();
      ops.push({ op: "addStep", id: stepId, stageId, name: step.name[locale], parallel: step.parallel ?? false });
      if (step.goal) ops.push({ op: "updateStep", stepId, goal: true });
      for (const starter of step.cards ?? []) {
        const laneId = laneIds.get(starter.lane);
        if (laneId) ops.push({ op: "addCard", laneId, stepId, card: starter.card(starter.text[locale]) });
      }
    }
  }
  applyMapOperations(doc, ops);
  const snapshot = docToSnapshot(doc);
  doc.destroy();
  return snapshot;
}
