import type { MapSnapshot } from "@opencjm/core";

/** A step of the map as the metrics see it: its place in the designed order and the touchpoints on it. */
export interface PlannedStep {
  id: string;
  stageId: string;
  name: string;
  stage: number;
  level: number;
  touchpointIds: string[];
}

/** The map's designed order: stages, steps with levels (parallel steps share one), and touchpoint → step. */
export interface MapStructure {
  stages: Array<{ id: string; name: string }>;
  steps: PlannedStep[];
  levelCount: number;
  /** First step index of each level, plus the step count. */
  levelStart: number[];
  stepOfTouchpoint: Map<string, number>;
  warnings: string[];
}

/**
 * Reads the structure metrics follow from a map: steps in map order (by stage, then within it), a new level at every
 * step not marked parallel and at every stage's first step, and each touchpoint card of a touchpoints lane assigned to
 * its step. A touchpoint placed on several steps counts at the first of them (with a warning).
 */
export function compileMapStructure(map: MapSnapshot): MapStructure {
  const stageIndex = new Map(map.stages.map((s, i) => [s.id as string, i]));
  const steps = map.steps
    .filter((s) => stageIndex.has(s.stageId))
    .map((s, i) => ({ s, i }))
    .sort((a, b) => stageIndex.get(a.s.stageId)! - stageIndex.get(b.s.stageId)! || a.i - b.i)
    .map(({ s }) => s);
  const touchpointLanes = new Set(map.lanes.filter((l) => l.type === "touchpoints").map((l) => l.id as string));
  const cardsByStep = new Map<string, string[]>();
  for (const cell of map.cells) {
    if (!touchpointLanes.has(cell.laneId)) continue;
    const list = cardsByStep.get(cell.stepId) ?? [];
    for (const card of cell.cards) if (card.kind === "touchpoint") list.push(card.touchpointId);
    cardsByStep.set(cell.stepId, list);
  }
  // Cells come in lane order; a step's touchpoints are listed in lane order, then card order.
  const planned: PlannedStep[] = [];
  const levelStart: number[] = [];
  const stepOfTouchpoint = new Map<string, number>();
  const warnings: string[] = [];
  let level = -1;
  steps.forEach((step, i) => {
    const stage = stageIndex.get(step.stageId)!;
    if (i === 0 || !step.parallel || planned[i - 1]!.stage !== stage) {
      level++;
      levelStart.push(i);
    }
    const touchpointIds: string[] = [];
    for (const tp of cardsByStep.get(step.id) ?? []) {
      const already = stepOfTouchpoint.get(tp);
      if (already === undefined) {
        stepOfTouchpoint.set(tp, i);
        touchpointIds.push(tp);
      } else if (already !== i) {
        warnings.push(
          `touchpoint ${tp} is on steps "${planned[already]!.name}" and "${step.name}"; its events count at "${planned[already]!.name}"`,
        );
      }
    }
    planned.push({ id: step.id, stageId: step.stageId, name: step.name, stage, level, touchpointIds });
  });
  levelStart.push(steps.length);
  return {
    stages: map.stages.map((s) => ({ id: s.id, name: s.name })),
    steps: planned,
    levelCount: level + 1,
    levelStart,
    stepOfTouchpoint,
    warnings,
  };
}
