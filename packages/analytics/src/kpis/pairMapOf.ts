import type { MapSnapshot } from "@opencjm/core";

/**
 * A map of two steps, `fromStepId` then `toStepId`, each with its touchpoint cards, so that the engine's conversion
 * from the first step to the next level is the conversion between the two (loose order: other steps' events are off
 * this map and never break it; strict order: a repeat of the first step does not either).
 */
export function pairMapOf(map: MapSnapshot, fromStepId: string, toStepId: string): MapSnapshot {
  const from = map.steps.find((s) => s.id === fromStepId)!;
  const to = map.steps.find((s) => s.id === toStepId)!;
  const stage = map.stages.find((g) => g.id === from.stageId)!;
  const touchpointLanes = new Set(map.lanes.filter((l) => l.type === "touchpoints").map((l) => l.id as string));
  return {
    ...map,
    stages: [stage],
    steps: [
      { ...from, parallel: false, order: "a0" },
      { ...to, stageId: from.stageId, parallel: false, order: "a1" },
    ],
    lanes: map.lanes.filter((l) => touchpointLanes.has(l.id)),
    cells: map.cells.filter((c) => touchpointLanes.has(c.laneId) && (c.stepId === fromStepId || c.stepId === toStepId)),
    emotions: [],
  };
}
