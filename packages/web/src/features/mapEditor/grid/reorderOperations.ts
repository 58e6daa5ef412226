import type { MapOperationInput } from "@opencjm/core";
import type { MapStructure } from "../store/MapView.js";
import type { DragKind, DropSide } from "./useReorderDrag.js";

const position = (side: DropSide, id: string) => (side === "before" ? { before: id } : { after: id });

/** Moves a stage one place earlier (-1) or later (+1); null at the edge. */
export function moveStageBy(structure: MapStructure, stageId: string, delta: -1 | 1): MapOperationInput | null {
  const i = structure.stages.findIndex((s) => s.id === stageId);
  const neighbour = structure.stages[i + delta];
  if (i < 0 || !neighbour) return null;
  return { op: "moveStage", stageId, position: position(delta < 0 ? "before" : "after", neighbour.id) };
}

/**
 * Moves a step one place earlier or later; at the edge of its stage it crosses into the neighbouring stage (at that
 * stage's near end), so a step can travel the whole map by keyboard.
 */
export function moveStepBy(structure: MapStructure, stepId: string, delta: -1 | 1): MapOperationInput | null {
  const step = structure.steps.find((s) => s.id === stepId);
  if (!step) return null;
  const siblings = structure.steps.filter((s) => s.stageId === step.stageId);
  const i = siblings.indexOf(step);
  const neighbour = siblings[i + delta];
  if (neighbour) return { op: "moveStep", stepId, position: position(delta < 0 ? "before" : "after", neighbour.id) };
  const stageIndex = structure.stages.findIndex((s) => s.id === step.stageId);
  const stage = structure.stages[stageIndex + delta];
  if (!stage) return null;
  const inStage = structure.steps.filter((s) => s.stageId === stage.id);
  const anchor = delta < 0 ? inStage.at(-1) : inStage[0];
  return {
    op: "moveStep",
    stepId,
    stageId: stage.id,
    ...(anchor ? { position: position(delta < 0 ? "after" : "before", anchor.id) } : {}),
  };
}

/** Moves a lane one place up or down among the lanes shown; null at the edge. */
export function moveLaneBy(visibleLaneIds: readonly string[], laneId: string, delta: -1 | 1): MapOperationInput | null {
  const i = visibleLaneIds.indexOf(laneId);
  const neighbour = visibleLaneIds[i + delta];
  if (i < 0 || !neighbour) return null;
  return { op: "moveLane", laneId, position: position(delta < 0 ? "before" : "after", neighbour) };
}

/** The operation for a header dropped on another header (a step dropped on a stage goes to the end of that stage). */
export function dropOperation(
  structure: MapStructure,
  kind: DragKind,
  draggedId: string,
  target: { kind: DragKind; id: string },
  side: DropSide,
): MapOperationInput | null {
  if (kind === "stage" && target.kind === "stage")
    return { op: "moveStage", stageId: draggedId, position: position(side, target.id) };
  if (kind === "lane" && target.kind === "lane")
    return { op: "moveLane", laneId: draggedId, position: position(side, target.id) };
  if (kind === "step" && target.kind === "stage") return { op: "moveStep", stepId: draggedId, stageId: target.id };
  if (kind === "step" && target.kind === "step") {
    const stageId = structure.steps.find((s) => s.id === target.id)?.stageId;
    return stageId ? { op: "moveStep", stepId: draggedId, stageId, position: position(side, target.id) } : null;
  }
  return null;
}
