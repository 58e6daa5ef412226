import type { MapStructure } from "../../mapEditor/store/MapView.js";
import { journeyEnd } from "./journeyEnd.js";

/** Where a stage of the funnel sits on the map grid: its first step column (0-based) and how many columns it spans. */
export interface FunnelColumn {
  start: number;
  span: number;
}

/** The funnel's stages placed over the map's step columns, and the stages after the journey's goal. */
export interface FunnelPlacement {
  /** Stage id → its columns; a stage without steps still has its one empty column. */
  columns: ReadonlyMap<string, FunnelColumn>;
  /** How many step columns the grid has. */
  columnCount: number;
  /** Stages wholly after the stage holding the goal step: optional steps, where leaving is not drop-off. */
  afterGoal: ReadonlySet<string>;
  /** True when no goal is marked and the stages after the goal are assumed (journeyEnd's rule). */
  goalAssumed: boolean;
}

/** Places each stage of the map over the grid's step columns the way the grid lays them out (one slot per column). */
export function funnelPlacement(structure: Pick<MapStructure, "stages" | "slots">): FunnelPlacement {
  const columns = new Map<string, FunnelColumn>();
  structure.slots.forEach((slot, i) => {
    const column = columns.get(slot.stageId);
    if (column) column.span += 1;
    else columns.set(slot.stageId, { start: i, span: 1 });
  });
  const end = journeyEnd(
    structure.slots.flatMap((slot, level) => slot.steps.map((s) => ({ stepId: s.id, stageId: slot.stageId, level }))),
    structure.stages.map((s) => s.id),
    structure.slots.flatMap((slot) => slot.steps).find((s) => s.goal)?.id,
  );
  const goalIndex = structure.stages.findIndex((s) => s.id === end.goalStageId);
  const afterGoal = new Set(goalIndex < 0 ? [] : structure.stages.slice(goalIndex + 1).map((s) => s.id));
  return { columns, columnCount: structure.slots.length, afterGoal, goalAssumed: end.assumed };
}
