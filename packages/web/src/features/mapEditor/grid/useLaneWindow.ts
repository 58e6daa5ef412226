import type { Lane } from "@opencjm/core";
import { startTransition, useEffect, useState } from "react";
import type { MapView, Slot } from "../store/MapView.js";
import { useMapView } from "../store/useMapView.js";
import { afterPaint } from "./afterPaint.js";
import type { ColumnRange } from "./useColumnWindow.js";

/** The stage and step header rows above the lanes, in px at 100 %. */
const HEADERS_PX = 36 + 44;
/** A cell is never shorter than this (GridCell.module.css), in px at 100 %. */
const CELL_MIN_PX = 56;
/** Padding of a cell and the least a card can take with its gap: one short line (an underestimate on purpose). */
const CELL_PADDING_PX = 12;
const CARD_MIN_PX = 24;

/** The least height a lane can have over the columns in view: its fullest cell there, with the shortest cards. */
function laneFloor(view: MapView, lane: Lane, slots: readonly Slot[]): number {
  if (lane.collapsed) return 0;
  let floor = CELL_MIN_PX;
  for (const slot of slots) {
    let height = 0;
    for (const step of slot.steps)
      height += Math.max(CELL_MIN_PX, CELL_PADDING_PX + view.countCell(lane.id, step.id) * CARD_MIN_PX);
    floor = Math.max(floor, height);
  }
  return floor;
}

/**
 * How many lanes certainly fill a window `height` px tall: every lane is taken at the least height it could have, so
 * the lanes counted reach at least the window's bottom however short their cards turn out to be.
 */
function lanesFillingWindow(
  view: MapView,
  lanes: readonly Lane[],
  slots: readonly Slot[],
  zoom: number,
  height: number,
): number {
  let bottom = HEADERS_PX * zoom;
  let count = 0;
  for (const lane of lanes) {
    if (bottom >= height) break;
    count++;
    bottom += laneFloor(view, lane, slots) * zoom;
  }
  return count;
}

/**
 * Vertical windowing of the first frame only: opening a map renders the lanes that fill the window, and the rest once
 * that frame is painted (as a transition, so a click or key meanwhile is not held up). After that every lane stays
 * rendered — lanes, unlike columns, are few. With `all`, every lane is rendered from the start (print, shared views).
 * @returns how many of `lanes` to render
 */
export function useLaneWindow(
  lanes: readonly Lane[],
  slots: readonly Slot[],
  range: ColumnRange,
  zoom: number,
  all: boolean,
): number {
  const view = useMapView();
  const [complete, setComplete] = useState(all);
  const [first] = useState(() =>
    all || typeof window === "undefined"
      ? lanes.length
      : lanesFillingWindow(view, lanes, slots.slice(range[0], range[1]), zoom, window.innerHeight),
  );
  useEffect(() => {
    if (complete) return;
    return afterPaint(() => startTransition(() => setComplete(true)));
  }, [complete]);
  return complete ? lanes.length : Math.min(first, lanes.length);
}
