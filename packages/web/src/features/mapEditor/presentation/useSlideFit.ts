import { useLayoutEffect, useState, type RefObject } from "react";
import { COLUMN_WIDTH, TITLE_WIDTH } from "../grid/gridSizes.js";

/** Below this a slide is too small to read: it scrolls instead. */
const MIN_ZOOM = 0.5;
/** Above this a short stage's cards look blown up rather than presented. */
const MAX_ZOOM = 2;
/** Room left around a slide so its edges never touch the screen's (and no scrollbar appears). */
const MARGIN = 24;

interface Size {
  width: number;
  height: number;
}

/**
 * The zoom at which a slide of `natural` size (at 100 %) fits `room` both across and down: scaled down so its last
 * lane is on screen, scaled up so a short stage fills it, within MIN_ZOOM…MAX_ZOOM.
 */
export function fitZoom(room: Size, natural: Size): number {
  const across = (room.width - MARGIN) / natural.width;
  const down = natural.height > 0 ? (room.height - MARGIN) / natural.height : across;
  return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, across, down));
}

/** How wide a slide of `columns` step columns is at 100 %. */
export const slideWidth = (columns: number) => TITLE_WIDTH + Math.max(1, columns) * COLUMN_WIDTH;

/** The slide's height at 100 %: from its grid's top to the bottom of its lowest cell (not its scroll padding). */
function naturalHeight(grid: HTMLElement): number {
  const zoom = Number(getComputedStyle(grid).zoom) || 1;
  const top = grid.getBoundingClientRect().top;
  let bottom = top;
  for (const cell of grid.querySelectorAll("[role=row] > *"))
    bottom = Math.max(bottom, cell.getBoundingClientRect().bottom);
  return (bottom - top) / zoom;
}

/**
 * The zoom that fits the slide drawn inside `areaRef` to the area, measured after each layout: the first frame is
 * fitted by width alone, the measured height then scales it before it is painted, and again whenever the area (the
 * browser entering full screen, a resize) or the slide's content (a picture loading) changes size.
 */
export function useSlideFit(areaRef: RefObject<HTMLElement | null>, columns: number, slideKey: string): number {
  const [zoom, setZoom] = useState(() =>
    fitZoom(
      { width: typeof window === "undefined" ? 1280 : window.innerWidth, height: Infinity },
      { width: slideWidth(columns), height: 0 },
    ),
  );
  useLayoutEffect(() => {
    const area = areaRef.current;
    const grid = area?.querySelector<HTMLElement>("[role=grid]");
    if (!area || !grid) return;
    const measure = () => {
      const room = { width: area.clientWidth, height: area.clientHeight };
      const height = naturalHeight(grid);
      // Nothing laid out (a hidden tab, a test's DOM): keep the zoom there is.
      if (room.width <= 0 || height <= 0) return;
      const next = fitZoom(room, { width: slideWidth(columns), height });
      setZoom((now) => (Math.abs(now - next) < 0.01 ? now : next));
    };
    measure();
    if (typeof ResizeObserver !== "function") return;
    const observer = new ResizeObserver(measure);
    observer.observe(area);
    observer.observe(grid);
    return () => observer.disconnect();
  }, [areaRef, columns, slideKey]);
  return zoom;
}
