import { descriptionTable } from "./descriptionTable.js";
import { exportLabel } from "./exportLabels.js";
import type { ExportInput } from "./ExportInput.js";
import {
  fullWidthTable,
  headedSlides,
  HEADER,
  MARGIN,
  ordered,
  WIDTH,
  type Cell,
  type PptxGenJS,
} from "./pptxLayout.js";
import { addPagedTable } from "./pptxTablePages.js";

/**
 * A table of the descriptions of the map's stages, steps and touchpoints (the map slides show only their names), split
 * over as many slides as it needs; no slide when nothing has a description.
 */
export function addDescriptionSlide(pptx: PptxGenJS, input: ExportInput): void {
  const { locale } = input;
  const table = descriptionTable(input);
  if (table.rows.length === 0) return;
  const newSlide = headedSlides(pptx, locale, exportLabel(locale, "descriptions"), input.snapshot.settings.title);
  const header = ordered(
    table.headers.map((text): Cell => ({ text, options: { bold: true, fill: { color: HEADER } } })),
    locale,
  );
  const rows = table.rows.map((row) =>
    ordered(
      row.map((text): Cell => ({ text })),
      locale,
    ),
  );
  const fixed = [1.5, 2, 2.4, 1.6];
  addPagedTable(newSlide(), newSlide, {
    header: [header],
    rows,
    columnWidths: ordered([...fixed, WIDTH - 2 * MARGIN - fixed.reduce((a, b) => a + b, 0)], locale),
    fontSize: 10,
    y: 1.3,
    options: fullWidthTable(locale),
  });
}
