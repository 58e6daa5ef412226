import { applyMapOperations, docToSnapshot, MapOperationSchema, type MapSnapshot } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { buildTestMapDoc } from "../store/buildTestMapDoc.js";
import {
  laneRuns,
  MIN_PRINT_ZOOM,
  pageHeightPx,
  pageSizeCss,
  planPrint,
  sliceSnapshot,
  stageAlignedColumns,
} from "./printLayout.js";

function wideMap(steps: number): MapSnapshot {
  const doc: Y.Doc = buildTestMapDoc();
  applyMapOperations(
    doc,
    Array.from({ length: steps }, (_, i) =>
      MapOperationSchema.parse({ op: "addStep", id: `x${i}`, stageId: "buy", name: `Extra ${i}` }),
    ),
  );
  return docToSnapshot(doc);
}

describe("print layout", () => {
  it("prints a small map on one page at full size", () => {
    const plan = planPrint(docToSnapshot(buildTestMapDoc()), "A3", "landscape");
    expect(plan.pages).toEqual([[0, 2]]);
    expect(plan.zoom).toBe(1);
  });

  it("shrinks a wider map to the paper, but not below a legible size, then splits it across pages", () => {
    const medium = planPrint(wideMap(4), "A4", "landscape");
    expect(medium.pages).toHaveLength(1);
    expect(medium.zoom).toBeLessThan(1);
    expect(medium.zoom).toBeGreaterThanOrEqual(MIN_PRINT_ZOOM);
    const wide = planPrint(wideMap(38), "A4", "portrait");
    expect(wide.zoom).toBe(MIN_PRINT_ZOOM);
    expect(wide.pages.length).toBeGreaterThan(3);
    expect(wide.pages[0]![0]).toBe(0);
    expect(wide.pages.at(-1)![1]).toBe(40);
    for (let i = 1; i < wide.pages.length; i++) expect(wide.pages[i]![0]).toBe(wide.pages[i - 1]![1]);
  });

  it("slices a page's steps with their stages, cards and emotions, keeping parallel steps together", () => {
    const doc = buildTestMapDoc();
    applyMapOperations(doc, [
      MapOperationSchema.parse({ op: "setEmotion", personaId: "p1", stepId: "pay", value: 1 }),
      MapOperationSchema.parse({ op: "setEmotion", personaId: "p1", stepId: "ad", value: -1 }),
    ]);
    const snapshot = docToSnapshot(doc);
    const second = sliceSnapshot(snapshot, 1, 2);
    expect(second.stages.map((s) => s.id)).toEqual(["buy"]);
    expect(second.steps.map((s) => s.id)).toEqual(["cart", "pay"]);
    expect(second.cells).toEqual([]);
    expect(second.emotions.map((e) => e.stepId)).toEqual(["pay"]);
    expect(second.lanes).toEqual(snapshot.lanes);
  });

  it("breaks pages between stages: a stage that fits on a page is never cut, a wider one fills whole pages", () => {
    const stages = ["a", "a", "b", "b", "b", "c", "d", "d", "d", "d", "d", "d", "d", "e"];
    expect(stageAlignedColumns(stages, 4)).toEqual([
      [0, 2],
      [2, 6],
      [6, 10],
      [10, 14],
    ]);
    expect(stageAlignedColumns(["a", "a"], 4)).toEqual([[0, 2]]);
    expect(stageAlignedColumns([], 4)).toEqual([[0, 0]]);
  });

  it("runs lanes down the pages without cutting one, a lane taller than a page alone on its page", () => {
    expect(laneRuns([100, 200, 150, 50], 320)).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(laneRuns([100, 900, 100], 320)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(laneRuns([10, 10], 320)).toEqual([[0, 2]]);
  });

  it("slices the lanes of a page with their cards", () => {
    const snapshot = docToSnapshot(buildTestMapDoc());
    const first = snapshot.lanes[0]!.id;
    const page = sliceSnapshot(snapshot, 0, 2, new Set([first]));
    expect(page.lanes.map((l) => l.id)).toEqual([first]);
    expect(page.cells.every((c) => c.laneId === first)).toBe(true);
  });

  it("knows the printable height of A4 landscape (190 mm) and none for fit", () => {
    expect(Math.round(pageHeightPx("A4", "landscape")!)).toBe(718);
    expect(pageHeightPx("fit", "landscape")).toBeUndefined();
  });

  it("names the @page size", () => {
    expect(pageSizeCss("A4", "landscape")).toBe("A4 landscape");
    expect(pageSizeCss("fit", "portrait", { width: 1000.2, height: 500 })).toBe("1001px 500px");
  });
});
