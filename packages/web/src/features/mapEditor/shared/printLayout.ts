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
  const stageIds = buildStructure(snapshot.stages, snapshot.steps, snapshot.lanes).slots.map((s) => s.stageId);
  const slots = stageIds.length;
  if (paper === "fit") return { zoom: 1, pages: [[0, slots]] };
  const [short, long] = PAPERS[paper];
  const widthPx = ((orientation === "landscape" ? long : short) - 2 * MARGIN_MM) * PX_PER_MM;
  const natural = TITLE_WIDTH + Math.max(1, slots) * COLUMN_WIDTH;
  const zoom = Math.max(MIN_PRINT_ZOOM, Math.min(1, widthPx / natural));
  const perPage = Math.max(1, Math.floor((widthPx - TITLE_WIDTH * zoom) / (COLUMN_WIDTH * zoom)));
  return { zoom, pages: stageAlignedColumns(stageIds, perPage), widthPx };
}

/**
 * Splits the columns into pages of at most `perPage`, breaking between stages where it can: a stage that fits on a
 * page is never cut, and only a stage wider than a whole page is split (then across as few pages as possible).
 */
export function stageAlignedColumns(stageIds: readonly string[], perPage: number): Array<[number, number]> {
  if (stageIds.length === 0) return [[0, 0]];
  const pages: Array<[number, number]> = [];
  let from = 0;
  let at = 0;
  while (at < stageIds.length) {
    let end = at;
    while (end < stageIds.length && stageIds[end] === stageIds[at]) end++;
    const width = end - at;
    if (at - from + width <= perPage) at = end;
    else if (at > from) {
      pages.push([from, at]);
      from = at;
    } else {
      // A stage wider than a page: whole pages of it, the rest left open for the stages after it.
      pages.push([from, from + perPage]);
      from += perPage;
      at = from;
    }
  }
  pages.push([from, stageIds.length]);
  return pages;
}

/**
 * Splits the lanes (top to bottom, with their heights in CSS pixels) into runs that each fit `capacity`; a lane never
 * leaves its cards across two pages, so a lane taller than a page gets a page of its own (shrunk to fit when printed).
 */
export function laneRuns(heights: readonly number[], capacity: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let from = 0;
  let used = 0;
  heights.forEach((height, i) => {
    if (i > from && used + height > capacity) {
      runs.push([from, i]);
      from = i;
      used = 0;
    }
    used += height;
  });
  runs.push([from, heights.length]);
  return runs;
}

/** The printable height of the paper in CSS pixels (undefined for "fit", which is as tall as the map). */
export function pageHeightPx(paper: Paper, orientation: Orientation): number | undefined {
  if (paper === "fit") return undefined;
  const [short, long] = PAPERS[paper];
  return ((orientation === "landscape" ? short : long) - 2 * MARGIN_MM) * PX_PER_MM;
}

/**
 * The part of a snapshot shown on one page: the steps of slots [from, to) with their stages, cells and emotions, and
 * only the lanes named in `laneIds` when given.
 */
export function sliceSnapshot(
  snapshot: MapSnapshot,
  from: number,
  to: number,
  laneIds?: ReadonlySet<string>,
): MapSnapshot {
  const { slots } = buildStructure(snapshot.stages, snapshot.steps, snapshot.lanes);
  const kept = slots.slice(from, to);
  const stepIds = new Set(kept.flatMap((s) => s.steps.map((step) => step.id)));
  const stageIds = new Set(kept.map((s) => s.stageId));
  return {
    ...snapshot,
    stages: snapshot.stages.filter((s) => stageIds.has(s.id)),
    steps: snapshot.steps.filter((s) => stepIds.has(s.id)),
    lanes: laneIds ? snapshot.lanes.filter((l) => laneIds.has(l.id)) : snapshot.lanes,
    cells: snapshot.cells.filter((c) => stepIds.has(c.stepId) && (!laneIds || laneIds.has(c.laneId))),
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
