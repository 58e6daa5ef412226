/** What the print view measures of a map laid out at its print zoom, in CSS pixels as printed. */
export interface PrintMeasure {
  /** Above the lanes on every page: the page's title block and the grid's stage and step headers. */
  headPx: number;
  /** The visible lanes, top to bottom: their ids and heights (each from its top to the next lane's top). */
  lanes: Array<{ id: string; heightPx: number }>;
}

/** The top and bottom of a row laid out with `display: contents`: the extent of its cells. */
function extentOf(row: Element): { top: number; bottom: number } {
  let top = Infinity;
  let bottom = -Infinity;
  for (const child of row.children) {
    const rect = child.getBoundingClientRect();
    if (rect.height === 0) continue;
    top = Math.min(top, rect.top);
    bottom = Math.max(bottom, rect.bottom);
  }
  return { top, bottom };
}

/**
 * Measures a page laid out with the whole map: where its lanes start and how tall each is. Lane heights over all the
 * columns bound those of any page's columns, so runs of lanes planned from them never overflow a page.
 */
export function measurePrintLayout(page: HTMLElement): PrintMeasure {
  const pageTop = page.getBoundingClientRect().top;
  const rows = [...page.querySelectorAll<HTMLElement>('[data-testid="lane-row"]')];
  const extents = rows.map(extentOf);
  const gridBottom = page.querySelector('[data-testid="map-grid"]')?.getBoundingClientRect().bottom ?? pageTop;
  const lanes = rows.map((row, i) => ({
    id: row.dataset.laneId ?? "",
    heightPx: Math.max(0, (extents[i + 1]?.top ?? Math.max(gridBottom, extents[i]!.bottom)) - extents[i]!.top),
  }));
  const firstTop = extents[0]?.top;
  return { headPx: (firstTop === undefined || firstTop === Infinity ? gridBottom : firstTop) - pageTop, lanes };
}
