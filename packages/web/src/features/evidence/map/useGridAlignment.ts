import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from "react";

/**
 * The map grid drawn below the data bar, if any: the one in the same editor page (the presentation, drawn over the
 * editor, has a grid of its own).
 */
function findMapGrid(strip: HTMLElement): HTMLElement | null {
  return strip.closest<HTMLElement>('[data-testid="map-editor"]')?.querySelector<HTMLElement>('[role="grid"]') ?? null;
}

/**
 * Keeps a row laid out like the map grid's columns exactly over them: the row (`row`) is shifted so its inline-start
 * edge meets the grid's at every scroll position, zoom and window size, in both directions, and the label
 * (`label`) is put over the grid's sticky lane-title column. The shift is written straight to the elements, so
 * scrolling re-renders nothing. Returns whether a grid was found (on phones the map is a list and there is none).
 */
export function useGridAlignment(
  strip: RefObject<HTMLElement | null>,
  row: RefObject<HTMLElement | null>,
  label: RefObject<HTMLElement | null>,
  layoutKey: string,
): boolean {
  const [found, setFound] = useState(true);
  const align = useCallback(() => {
    const el = strip.current;
    const inner = row.current;
    if (!el || !inner) return;
    const grid = findMapGrid(el);
    setFound(!!grid);
    if (!grid) return;
    const rtl = getComputedStyle(el).direction === "rtl";
    const applied = Number(inner.dataset.shift ?? 0);
    const gridBox = grid.getBoundingClientRect();
    const rowBox = inner.getBoundingClientRect();
    // Where the row sits unshifted, then the shift that puts its start edge on the grid's.
    const natural = (rtl ? rowBox.right : rowBox.left) - applied;
    const shift = (rtl ? gridBox.right : gridBox.left) - natural;
    inner.dataset.shift = String(shift);
    inner.style.transform = `translateX(${shift}px)`;
    const viewport = grid.parentElement?.getBoundingClientRect();
    const stripBox = el.getBoundingClientRect();
    if (label.current && viewport)
      label.current.style.insetInlineStart = `${rtl ? stripBox.right - viewport.right : viewport.left - stripBox.left}px`;
  }, [strip, row, label]);

  useLayoutEffect(align, [align, layoutKey]);
  useEffect(() => {
    const el = strip.current;
    if (!el) return;
    // The grid's viewport scrolls on its own; scroll events do not bubble, so listen where they are captured.
    document.addEventListener("scroll", align, { capture: true, passive: true });
    window.addEventListener("resize", align);
    // Absent in jsdom; browsers have it.
    const resize = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(align);
    resize?.observe(el);
    const grid = findMapGrid(el);
    if (grid) resize?.observe(grid);
    return () => {
      document.removeEventListener("scroll", align, { capture: true });
      window.removeEventListener("resize", align);
      resize?.disconnect();
    };
  }, [align, strip, layoutKey]);
  return found;
}

/** Scrolls the map grid sideways when someone scrolls sideways over the row aligned with it. */
export function scrollGridWith(strip: HTMLElement, deltaX: number): void {
  const viewport = findMapGrid(strip)?.parentElement;
  if (viewport && deltaX !== 0) viewport.scrollBy({ left: deltaX });
}
