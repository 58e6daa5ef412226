import type { Cell, Slide } from "./pptxLayout.js";

/** The wide layout's height and the margin kept clear at the slide's foot, in inches. */
const SLIDE_HEIGHT = 7.5;
const FOOT_MARGIN = 0.45;
/** pptxgenjs's cell margins (top and bottom, left and right) in inches. */
const CELL_MARGIN_Y = 0.05;
const CELL_MARGIN_X = 0.1;
/**
 * Line height as a multiple of the type size, measured in LibreOffice's rendering of the deck: 1.36 for Latin and
 * Cyrillic (Carlito), 1.43 for Chinese (Noto Sans CJK); PowerPoint's Calibri and YaHei lines are no taller.
 */
const LINE_HEIGHT = 1.45;
/** Lines lost to breaking at word boundaries instead of at the last letter that fits. */
const WRAP_SLACK = 1.12;

// Advance widths in ems, on the wide side of the faces the deck names and their stand-ins (Calibri or Carlito, DejaVu
// Sans for Tahoma, Noto Sans CJK): an estimate that errs towards more lines only ever costs a slide some empty space.
const FULL_WIDTH =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;
const NARROW = /[\s.,:;'!|il1()[\]]/;

/** The width of a text in ems, as the deck's fonts draw it. */
export function textEms(text: string): number {
  let ems = 0;
  for (const char of text) ems += FULL_WIDTH.test(char) ? 1 : NARROW.test(char) ? 0.3 : 0.58;
  return ems;
}

/** How tall a row is drawn, in inches: its tallest cell's wrapped lines, at the cell's width and the table's size. */
export function rowHeight(row: Cell[], columnWidths: number[], fontSize: number): number {
  let column = 0;
  let lines = 1;
  for (const cell of row) {
    const span = cell.options?.colspan ?? 1;
    const width = columnWidths.slice(column, column + span).reduce((a, b) => a + b, 0);
    column += span;
    const size = cell.options?.fontSize ?? fontSize;
    const perLine = Math.max(1, ((width - 2 * CELL_MARGIN_X) * 72) / size);
    const bold = cell.options?.bold ? 1.06 : 1;
    const cellLines = String(cell.text ?? "")
      .split("\n")
      .reduce((sum, paragraph) => sum + Math.max(1, Math.ceil((textEms(paragraph) * bold * WRAP_SLACK) / perLine)), 0);
    lines = Math.max(lines, cellLines);
  }
  return (lines * fontSize * LINE_HEIGHT) / 72 + 2 * CELL_MARGIN_Y;
}

/** A table to lay over as many slides as its rows need. */
export interface PagedTable {
  /** Rows repeated at the top of every slide. */
  header: Cell[][];
  rows: Cell[][];
  /** Column widths in inches, in the order the cells come in. */
  columnWidths: number[];
  fontSize: number;
  /** Where the table starts on each slide, in inches from the top (below the slide's heading). */
  y: number;
  /** Everything else pptxgenjs takes for the table: position, fonts, borders. */
  options: Record<string, unknown>;
}

/**
 * Lays a table over slides by our own estimate of each row's height: pptxgenjs's paging counts more letters per line
 * than PowerPoint and LibreOffice draw (wrong most of all for Chinese, whose letters are twice as wide as it assumes),
 * so its tables ran past the slide's foot, where LibreOffice drops the words. Rows are never split; a row taller than
 * a whole slide gets a slide of its own. `firstSlide` takes the first run; `nextSlide` makes each further slide with
 * the same heading.
 */
export function addPagedTable(firstSlide: Slide, nextSlide: () => Slide, table: PagedTable): void {
  const height = (row: Cell[]) => rowHeight(row, table.columnWidths, table.fontSize);
  const room = SLIDE_HEIGHT - FOOT_MARGIN - table.y - table.header.reduce((sum, row) => sum + height(row), 0);
  const runs: Cell[][][] = [];
  let run: Cell[][] = [];
  let used = 0;
  for (const row of table.rows) {
    const h = height(row);
    if (run.length > 0 && used + h > room) {
      runs.push(run);
      run = [];
      used = 0;
    }
    run.push(row);
    used += h;
  }
  runs.push(run);
  runs.forEach((rows, i) =>
    (i === 0 ? firstSlide : nextSlide()).addTable([...table.header, ...rows], {
      ...table.options,
      y: table.y,
      colW: table.columnWidths,
      fontSize: table.fontSize,
      autoPage: false,
    }),
  );
}
