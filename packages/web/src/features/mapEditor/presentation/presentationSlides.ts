import type { MapSnapshot } from "@opencjm/core";
import { buildStructure } from "../store/buildStructure.js";

/** One screen of a presentation: a stage with its steps, or the whole map. */
export interface Slide {
  /** The stage shown, or null for the whole map. */
  stageId: string | null;
  snapshot: MapSnapshot;
}

/** How a map is presented: a stage at a time, or all of it at once. */
export type PresentationMode = "stages" | "whole";

/**
 * The map without what an audience need not see: hidden lanes, and lanes with nothing in the steps kept (no card,
 * no emotion point). The data lane stays while data is shown: its numbers come from the data, not from cards.
 */
function withoutEmptyLanes(snapshot: MapSnapshot, stepIds: ReadonlySet<string>, withData: boolean): MapSnapshot {
  const filled = new Set(
    snapshot.cells.filter((c) => stepIds.has(c.stepId) && c.cards.length > 0).map((c) => c.laneId),
  );
  const feelings = snapshot.emotions.some((e) => stepIds.has(e.stepId));
  const lanes = snapshot.lanes.filter(
    (lane) =>
      !lane.hidden &&
      (filled.has(lane.id) || (lane.type === "emotion" && feelings) || (withData && lane.type === "data")),
  );
  const kept = new Set(lanes.map((l) => l.id));
  return {
    ...snapshot,
    lanes: lanes.map((lane) => ({ ...lane, collapsed: false })),
    cells: snapshot.cells.filter((c) => kept.has(c.laneId) && stepIds.has(c.stepId)),
    emotions: snapshot.emotions.filter((e) => stepIds.has(e.stepId)),
  };
}

/**
 * The slides of a map: one per stage (stages without steps are skipped), or one of the whole map; `withData` keeps
 * the data lane (while the map shows its customer data).
 */
export function presentationSlides(snapshot: MapSnapshot, mode: PresentationMode, withData = false): Slide[] {
  if (mode === "whole")
    return [
      { stageId: null, snapshot: withoutEmptyLanes(snapshot, new Set(snapshot.steps.map((s) => s.id)), withData) },
    ];
  // Ordered as the grid orders them (fractional order, ties by id).
  const { stages } = buildStructure(snapshot.stages, snapshot.steps, snapshot.lanes);
  return stages.flatMap((stage) => {
    const steps = snapshot.steps.filter((s) => s.stageId === stage.id);
    if (steps.length === 0) return [];
    const stepIds = new Set(steps.map((s) => s.id));
    const part = withoutEmptyLanes({ ...snapshot, stages: [stage], steps }, stepIds, withData);
    return [{ stageId: stage.id, snapshot: part }];
  });
}
