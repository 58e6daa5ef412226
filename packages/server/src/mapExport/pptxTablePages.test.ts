import { describe, expect, it } from "vitest";
import type { Cell, Slide } from "./pptxLayout.js";
import { addPagedTable, rowHeight, textEms } from "./pptxTablePages.js";

/** A slide that only records the tables put on it. */
function recordingSlide(tables: Cell[][][]): Slide {
  return {
    addTable: (rows: Cell[][]) => {
      tables.push(rows);
      return undefined;
    },
  } as unknown as Slide;
}

describe("laying a long table over slides", () => {
  it("counts a Chinese letter about as wide as two Latin ones, so Chinese cells wrap into more lines", () => {
    expect(textEms("顾客比较价格") / textEms("shoppe")).toBeGreaterThan(1.6);
    // As many letters in each: the Chinese cell needs about twice the lines.
    const latin = rowHeight([{ text: "compare shops prices ".repeat(6) }], [3], 10);
    const chinese = rowHeight([{ text: "顾客在下单之前比较多家商店的价格配送".repeat(7) }], [3], 10);
    expect(chinese).toBeGreaterThan(latin);
  });

  it("sizes a row by its tallest cell, with a cell spanning columns as wide as them together", () => {
    const text = "word ".repeat(40);
    expect(rowHeight([{ text }, { text: "x" }], [2, 2], 10)).toBeGreaterThan(rowHeight([{ text: "x" }], [2], 10));
    expect(rowHeight([{ text, options: { colspan: 2 } }], [2, 2], 10)).toBeLessThan(
      rowHeight([{ text }, { text: "" }], [2, 2], 10),
    );
  });

  it("repeats the header on every slide, never splits a row, and gives a row taller than a slide a slide of its own", () => {
    const tables: Cell[][][] = [];
    let extraSlides = 0;
    const header: Cell[] = [{ text: "Title" }];
    const short = (n: number): Cell[] => [{ text: `row ${n}` }];
    const giant: Cell[] = [{ text: "a very long text ".repeat(600) }];
    const rows = [...Array.from({ length: 40 }, (_, i) => short(i)), giant, short(40)];
    addPagedTable(
      recordingSlide(tables),
      () => {
        extraSlides++;
        return recordingSlide(tables);
      },
      { header: [header], rows, columnWidths: [6], fontSize: 11, y: 1.3, options: {} },
    );
    expect(tables.length).toBe(extraSlides + 1);
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables) expect(table[0]).toBe(header);
    // Every row once, in order.
    expect(tables.flatMap((t) => t.slice(1))).toEqual(rows);
    expect(tables.find((t) => t.includes(giant))).toEqual([header, giant]);
  });
});
