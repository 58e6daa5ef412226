import type { MapStructure } from "../store/MapView.js";
import type { FocusTarget } from "./createGridFocus.js";

/** One navigable column: a step, or the empty slot of a stage without steps. */
export interface NavColumn {
  stageId: string;
  stepId: string | null;
}

/** The grid as keyboard navigation sees it: columns (steps) and rows (stage headers, step headers, visible lanes). */
export interface NavModel {
  columns: readonly NavColumn[];
  laneIds: readonly string[];
}

/** A keyboard move, in logical directions (the caller maps arrow keys to inline start/end by writing direction). */
export type NavMove = "up" | "down" | "inlineStart" | "inlineEnd" | "rowStart" | "rowEnd" | "gridStart" | "gridEnd";

/** What `keyToMove` reads of a key press. */
type KeyInput = Pick<KeyboardEvent, "key" | "ctrlKey" | "altKey" | "metaKey">;

/** The move a key press asks for, or null for keys the grid leaves alone (Tab leaves the grid: useGridTabStop). */
export function keyToMove(e: KeyInput, rtl: boolean): NavMove | null {
  if (e.altKey || e.metaKey) return null;
  switch (e.key) {
    case "ArrowUp":
      return "up";
    case "ArrowDown":
      return "down";
    case "ArrowLeft":
      return rtl ? "inlineEnd" : "inlineStart";
    case "ArrowRight":
      return rtl ? "inlineStart" : "inlineEnd";
    case "Home":
      return e.ctrlKey ? "gridStart" : "rowStart";
    case "End":
      return e.ctrlKey ? "gridEnd" : "rowEnd";
    default:
      return null;
  }
}

/** The navigation model of a structure with the lanes that are shown. */
export function navModel(structure: MapStructure, visibleLaneIds: readonly string[]): NavModel {
  const columns = structure.slots.flatMap((slot): NavColumn[] =>
    slot.steps.length === 0
      ? [{ stageId: slot.stageId, stepId: null }]
      : slot.steps.map((s) => ({ stageId: slot.stageId, stepId: s.id })),
  );
  return { columns, laneIds: visibleLaneIds };
}

const STAGE_ROW = 0;
const STEP_ROW = 1;
const FIRST_LANE_ROW = 2;

function toRowCol(model: NavModel, target: FocusTarget): [number, number] | null {
  const laneRow = (laneId: string) => {
    const i = model.laneIds.indexOf(laneId);
    return i < 0 ? -1 : FIRST_LANE_ROW + i;
  };
  const col = (stepId: string) => model.columns.findIndex((c) => c.stepId === stepId);
  let rc: [number, number];
  switch (target.kind) {
    case "stage":
      rc = [STAGE_ROW, model.columns.findIndex((c) => c.stageId === target.stageId)];
      break;
    case "step":
      rc = [STEP_ROW, col(target.stepId)];
      break;
    case "lane":
      rc = [laneRow(target.laneId), -1];
      break;
    case "cell":
      rc = [laneRow(target.laneId), col(target.stepId)];
      if (rc[1] < 0) return null;
      break;
  }
  return rc[0] < 0 || (target.kind !== "lane" && rc[1] < 0) ? null : rc;
}

function fromRowCol(model: NavModel, row: number, col: number): FocusTarget | null {
  if (row < 0 || row >= FIRST_LANE_ROW + model.laneIds.length || col < -1 || col >= model.columns.length) return null;
  if (col === -1) return row >= FIRST_LANE_ROW ? { kind: "lane", laneId: model.laneIds[row - FIRST_LANE_ROW]! } : null;
  const column = model.columns[col]!;
  if (row === STAGE_ROW) return { kind: "stage", stageId: column.stageId };
  if (column.stepId === null) return null;
  if (row === STEP_ROW) return { kind: "step", stepId: column.stepId };
  return { kind: "cell", laneId: model.laneIds[row - FIRST_LANE_ROW]!, stepId: column.stepId };
}

/** The first focusable target scanning from (row, col) by `delta` columns, or null past the edge. */
function scan(model: NavModel, row: number, col: number, delta: number): FocusTarget | null {
  for (let c = col; c >= -1 && c < model.columns.length; c += delta) {
    const target = fromRowCol(model, row, c);
    if (target) return target;
  }
  return null;
}

/** The first cell of the grid (or the first header when there are no lanes), where focus starts. */
export function firstTarget(model: NavModel): FocusTarget | null {
  if (model.laneIds.length > 0) return scan(model, FIRST_LANE_ROW, 0, 1) ?? { kind: "lane", laneId: model.laneIds[0]! };
  return scan(model, STEP_ROW, 0, 1) ?? scan(model, STAGE_ROW, 0, 1);
}

/** Where a keyboard move takes the focus, or null when it stays (at an edge). */
export function moveFocus(model: NavModel, current: FocusTarget | null, move: NavMove): FocusTarget | null {
  const at = current ? toRowCol(model, current) : null;
  if (!at) return firstTarget(model);
  const [row, col] = at;
  const lastRow = FIRST_LANE_ROW + model.laneIds.length - 1;
  switch (move) {
    case "up":
    case "down": {
      const next = row + (move === "up" ? -1 : 1);
      if (next < STAGE_ROW || next > lastRow) return null;
      if (row === STAGE_ROW && move === "down" && current?.kind === "stage") return scan(model, STEP_ROW, col, 1);
      return fromRowCol(model, next, col);
    }
    case "inlineStart":
    case "inlineEnd": {
      const delta = move === "inlineStart" ? -1 : 1;
      if (row === STAGE_ROW) {
        // A stage header spans its steps: step to the neighbouring stage.
        const stageId = model.columns[col]!.stageId;
        let c = col;
        while (c >= 0 && c < model.columns.length && model.columns[c]!.stageId === stageId) c += delta;
        if (c < 0 || c >= model.columns.length) return null;
        const target = fromRowCol(model, STAGE_ROW, c)!;
        return target.kind === "stage" ? { kind: "stage", stageId: target.stageId } : null;
      }
      return scan(model, row, col + delta, delta);
    }
    case "rowStart":
      return scan(model, row, 0, 1);
    case "rowEnd":
      return scan(model, row, model.columns.length - 1, -1);
    case "gridStart":
      return firstTarget(model);
    case "gridEnd":
      return scan(model, lastRow, model.columns.length - 1, -1);
  }
}

/** True when the target is still on the grid (its stage, step or lane exists and is shown). */
export function containsTarget(model: NavModel, target: FocusTarget): boolean {
  return toRowCol(model, target) !== null;
}
