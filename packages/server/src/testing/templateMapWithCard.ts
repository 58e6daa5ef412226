import {
  applyMapOperations,
  buildMapFromTemplate,
  docToSnapshot,
  snapshotToDoc,
  type CardContentInput,
  type LaneType,
  type MapSnapshot,
} from "@opencjm/core";

/**
 * An English template map with one card in the first step of the lane of the given type: templates keep their lane
 * prompts as placeholders, not cards, so a test that needs a card on a fresh template map puts one there.
 */
export function templateMapWithCard(templateId: string, laneType: LaneType, card: CardContentInput): MapSnapshot {
  const doc = snapshotToDoc(buildMapFromTemplate(templateId, { locale: "en" }));
  const base = docToSnapshot(doc);
  const lane = base.lanes.find((l) => l.type === laneType);
  const step = base.steps[0];
  if (!lane || !step) throw new Error(`template ${templateId} has no ${laneType} lane or no step`);
  applyMapOperations(doc, [{ op: "addCard", laneId: lane.id, stepId: step.id, card }]);
  const snapshot = docToSnapshot(doc);
  doc.destroy();
  return snapshot;
}
