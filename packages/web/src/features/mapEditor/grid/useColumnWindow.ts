import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { afterPaint } from "./afterPaint.js";

/** Columns rendered beyond each edge of the visible ones, so short scrolls never show blank columns. */
const OVERSCAN = 2;

/** The slot columns rendered: [from, to). */
export type ColumnRange = readonly [number, number];

function rangeFor(
  scrollX: number,
  viewWidth: number,
  columnWidth: number,
  titleWidth: number,
  count: number,
  overscan = OVERSCAN,
): ColumnRange {
  const first = Math.floor(scrollX / columnWidth) - overscan;
  const last = Math.ceil((scrollX + viewWidth - titleWidth) / columnWidth) + overscan;
  return [Math.max(0, Math.min(first, count)), Math.max(0, Math.min(last, count))];
}

/**
 * Horizontal windowing of the grid: only the step columns in (or near) the viewport are rendered, so a 40-step map
 * costs what its visible part costs. Column widths are fixed, so the window follows from the scroll position alone;
 * unrendered columns keep their width in the CSS grid, so the scrollbar and sticky headers stay true. `reveal` scrolls
 * a column into view (keyboard navigation, search) and renders it at once. With `all`, every column is rendered (print).
 */
export function useColumnWindow(
  viewport: RefObject<HTMLElement | null>,
  count: number,
  columnWidth: number,
  titleWidth: number,
  all: boolean,
) {
  const initialWidth = typeof window === "undefined" ? 1600 : window.innerWidth;
  // The first frame renders the columns in view only; the overscan follows once it is painted (see below).
  const [range, setRange] = useState<ColumnRange>(() => rangeFor(0, initialWidth, columnWidth, titleWidth, count, 0));
  const overscan = useRef(0);
  const geometry = useRef({ count, columnWidth, titleWidth });
  geometry.current = { count, columnWidth, titleWidth };

  const update = useCallback(() => {
    const el = viewport.current;
    if (!el) return;
    const { count: n, columnWidth: w, titleWidth: tw } = geometry.current;
    // In right-to-left layouts scrollLeft runs from 0 towards negative values.
    const next = rangeFor(Math.abs(el.scrollLeft), el.clientWidth || window.innerWidth, w, tw, n, overscan.current);
    setRange((r) => (r[0] === next[0] && r[1] === next[1] ? r : next));
  }, [viewport]);

  // Opening a map, the columns just beyond the edges wait until the first frame is painted: nobody sees them yet, and
  // rendering them with the rest would hold back that frame by half as much again.
  useEffect(
    () =>
      afterPaint(() => {
        overscan.current = OVERSCAN;
        update();
      }),
    [update],
  );

  // A new zoom or column count moves the columns under the viewport: recompute at once. Not on the first run, where
  // reading the viewport's size would force a layout of the grid just rendered, before the frame's own: the window's
  // width stands in until the resize observer reports the real size after that layout.
  const measured = useRef(false);
  useLayoutEffect(() => {
    if (measured.current) update();
    measured.current = true;
    const el = viewport.current;
    if (!el) return;
    el.addEventListener("scroll", update, { passive: true });
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(update);
    observer?.observe(el);
    return () => {
      el.removeEventListener("scroll", update);
      observer?.disconnect();
    };
  }, [update, viewport, count, columnWidth, titleWidth]);

  const reveal = useCallback(
    (slot: number) => {
      const el = viewport.current;
      if (!el) return;
      const { columnWidth: w, titleWidth: tw, count: n } = geometry.current;
      const x = Math.abs(el.scrollLeft);
      const visible = el.clientWidth - tw;
      let target = x;
      if (slot * w < x) target = slot * w;
      else if ((slot + 1) * w > x + visible) target = (slot + 1) * w - visible;
      if (target !== x) el.scrollLeft = getComputedStyle(el).direction === "rtl" ? -target : target;
      const next = rangeFor(target, el.clientWidth, w, tw, n);
      setRange((r) => (r[0] === next[0] && r[1] === next[1] ? r : next));
    },
    [viewport],
  );

  return { range: all ? ([0, count] as ColumnRange) : range, reveal };
}
