import type { MapSnapshot } from "@opencjm/core";
import { COLUMN_WIDTH, TITLE_WIDTH } from "../grid/gridSizes.js";
import { buildStructure } from "../store/buildStructure.js";

/** Paper sizes the print page knows, in millimetres (portrait). */
export const PAPERS = { A4: [210, 297], A3: [297, 420], Letter: [215.9, 279.4] } as const;
/** A paper size, or "fit": one page exactly as large as the map. */
export type Paper = keyof typeof PAPERS | "fit";
export type Orientation = "landscape" | "portrait";

/** Page margin in millimetres. */
export const MARGIN_MM = 10;
/** Below this zoom text gets too small to read on paper; wider maps are split across pages instead. */
export const MIN_PRINT_ZOOM = 0.6;
const PX_PER_MM = 96 / 25.4;

/** How a map is printed: the zoom, and the column slots of each page (left to right in reading order). */
export interface PrintPlan {
  zoom: number;
  /** Slot index ranges [from, to) of each page; one range when the map fits. */
  pages: Array<[number, number]>;
  /** The printable width of the paper in CSS pixels (undefined for "fit"). */
  widthPx?: number;
}

/** Plans the pages: shrink to fit the paper's width down to a legible zoom, then split the columns across pages. */
export function planPrint(snapshot: MapSnapshot, paper: Paper, orientation: Orientation): PrintPlan {
  const slots = buildStructure(snapshot.stages, snapshot.steps, snapshot.lanes).slots.length;
  if (paper === "fit") return { zoom: 1, pages: [[0, slots]] };
  const [short, long] = PAPERS[paper];
  const widthPx = ((orientation === "landscape" ? long : short) - 2 * MARGIN_MM) * PX_PER_MM;
  const natural = TITLE_WIDTH + Math.max(1, slots) * COLUMN_WIDTH;
  const zoom = Math.max(MIN_PRINT_ZOOM, Math.min(1, widthPx / natural));
  const perPage = Math.max(1, Math.floor((widthPx - TITLE_WIDTH * zoom) / (COLUMN_WIDTH * zoom)));
  const pages: Array<[number, number]> = [];
  for (let from = 0; from < Math.max(1, slots); from += perPage) pages.push([from, Math.min(slots, from + perPage)]);
  return { zoom, pages, widthPx };
}

/** The part of a snapshot shown on one page: the steps of slots [from, to) with their stages, cells and emotions. */
export function sliceSnapshot(snapshot: MapSnapshot, from: number, to: number): MapSnapshot {
  const { slots } = buildStructure(snapshot.stages, snapshot.steps, snapshot.lanes);
  const kept = slots.slice(from, to);
  const stepIds = new Set(kept.flatMap((s) => s.steps.map((step) => step.id)));
  const stageIds = new Set(kept.map((s) => s.stageId));
  return {
    ...snapshot,
    stages: snapshot.stages.filter((s) => stageIds.has(s.id)),
    steps: snapshot.steps.filter((s) => stepIds.has(s.id)),
    cells: snapshot.cells.filter((c) => stepIds.has(c.stepId)),
    emotions: snapshot.emotions.filter((e) => stepIds.has(e.stepId)),
  };
}

/** The CSS `@page` size for a paper, or explicit pixel dimensions for "fit". */
export function pageSizeCss(
  paper: Paper,
  orientation: Orientation,
  fitSize?: { width: number; height: number },
): string {
  if (paper === "fit") return fitSize ? `${Math.ceil(fitSize.width)}px ${Math.ceil(fitSize.height)}px` : "auto";
  return `${paper} ${orientation}`;
}
