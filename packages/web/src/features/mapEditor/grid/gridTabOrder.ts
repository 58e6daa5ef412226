/** Marks the grid's own controls (add a lane, show hidden lanes, the first stage): Tab stops after the grid's one. */
const GRID_CONTROLS_ATTRIBUTE = "data-grid-controls";

/** One stop of the page's tab sequence as the grid sees it: an element, or the grid as a whole. */
export type TabStop = HTMLElement | "grid";

const FOCUSABLE =
  "a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]";

/** True when the browser would stop on `el` with Tab. */
function isTabbable(el: HTMLElement): boolean {
  if (el.tabIndex < 0 || el.matches(":disabled") || el.closest("[hidden], [inert]")) return false;
  if (el instanceof HTMLInputElement && el.type === "hidden") return false;
  // Chromium knows what is rendered; jsdom (the unit tests) lays nothing out and has no checkVisibility.
  return !("checkVisibility" in el) || el.checkVisibility({ visibilityProperty: true });
}

/**
 * The page's tab sequence with the grid as one stop: inside the grid only its controls after the lanes stay stops; the
 * buttons and links inside cells and headers are reached from the focused cell (Enter) or header (its menu).
 */
function tabStops(root: HTMLElement, hasStop: boolean): TabStop[] {
  const stops: TabStop[] = [];
  let placed = !hasStop;
  const placeGrid = () => {
    if (!placed) stops.push("grid");
    placed = true;
  };
  for (const el of root.ownerDocument.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    const inGrid = root.contains(el);
    const control = inGrid && el.closest(`[${GRID_CONTROLS_ATTRIBUTE}]`) !== null;
    if (inGrid && !control) continue;
    if (!isTabbable(el)) continue;
    if (control || root.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) placeGrid();
    stops.push(el);
  }
  placeGrid();
  return stops;
}

/**
 * Where Tab (Shift+Tab with `backward`) takes the focus from `from` when the grid `root` is one tab stop (WAI-ARIA grid
 * pattern: the arrows move inside it, Tab leaves it): an element, "grid" for the grid's focused cell or header, or
 * null when the browser's own move already agrees (or is not the grid's business: inside a modal dialog).
 *
 * @param hasStop whether the grid has a focused cell or header to come back to (an empty grid has none).
 */
export function gridTabTarget(root: HTMLElement, from: Element, backward: boolean, hasStop: boolean): TabStop | null {
  const fromGrid = root.contains(from) && from.closest(`[${GRID_CONTROLS_ATTRIBUTE}]`) === null;
  if (!fromGrid && (from === root.ownerDocument.body || from.closest("[aria-modal=true]"))) return null;
  const stops = tabStops(root, hasStop);
  const position = (stop: TabStop): number => {
    const node = stop === "grid" ? root : stop;
    if (node === from) return 0;
    return from.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING ? 1 : -1;
  };
  let target: TabStop | undefined;
  if (fromGrid) {
    const at = stops.indexOf("grid");
    target = at < 0 ? undefined : stops[at + (backward ? -1 : 1)];
  } else if (backward) target = stops.findLast((stop) => position(stop) < 0);
  else target = stops.find((stop) => position(stop) > 0);
  if (!target) return null;
  // Outside the grid and going to a neighbour outside it, the browser's own move is the same.
  if (!fromGrid && target !== "grid" && !root.contains(target) && !root.contains(from)) return null;
  return target;
}
