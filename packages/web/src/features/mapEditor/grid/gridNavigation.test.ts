import { describe, expect, it } from "vitest";
import { buildTestMapDoc } from "../store/buildTestMapDoc.js";
import { createLiveMapView } from "../store/createLiveMapView.js";
import { firstTarget, moveFocus, navModel, type NavMove } from "./gridNavigation.js";
import type { FocusTarget } from "./createGridFocus.js";

// Columns: ad (Awareness) | cart, pay (Purchase); lanes: actions, pains, feel, front, back.
const model = navModel(createLiveMapView(buildTestMapDoc()).getStructure(), [
  "actions",
  "pains",
  "feel",
  "front",
  "back",
]);
const cell = (laneId: string, stepId: string): FocusTarget => ({ kind: "cell", laneId, stepId });
const go = (from: FocusTarget, ...moves: NavMove[]) =>
  moves.reduce<FocusTarget | null>((at, m) => (at ? (moveFocus(model, at, m) ?? at) : at), from);

describe("grid keyboard navigation", () => {
  it("starts on the first cell", () => {
    expect(firstTarget(model)).toEqual(cell("actions", "ad"));
  });

  it("moves between cells with the arrows and stops at the edges", () => {
    expect(go(cell("actions", "ad"), "inlineEnd", "inlineEnd")).toEqual(cell("actions", "pay"));
    expect(moveFocus(model, cell("actions", "pay"), "inlineEnd")).toBeNull();
    expect(go(cell("actions", "ad"), "down", "down")).toEqual(cell("feel", "ad"));
    expect(moveFocus(model, cell("back", "ad"), "down")).toBeNull();
  });

  it("goes up from the cells into the step and stage headers, and along the stage row stage by stage", () => {
    expect(go(cell("actions", "pay"), "up")).toEqual({ kind: "step", stepId: "pay" });
    expect(go(cell("actions", "pay"), "up", "up")).toEqual({ kind: "stage", stageId: "buy" });
    expect(go({ kind: "stage", stageId: "buy" }, "inlineStart")).toEqual({ kind: "stage", stageId: "aware" });
    expect(go({ kind: "stage", stageId: "buy" }, "down")).toEqual({ kind: "step", stepId: "cart" });
  });

  it("reaches the lane title at the start of a row, but not from the header rows", () => {
    expect(go(cell("pains", "ad"), "inlineStart")).toEqual({ kind: "lane", laneId: "pains" });
    expect(moveFocus(model, { kind: "step", stepId: "ad" }, "inlineStart")).toBeNull();
  });

  it("jumps with Home/End and Ctrl+Home/End", () => {
    expect(moveFocus(model, cell("front", "cart"), "rowStart")).toEqual(cell("front", "ad"));
    expect(moveFocus(model, cell("front", "ad"), "rowEnd")).toEqual(cell("front", "pay"));
    expect(moveFocus(model, cell("front", "cart"), "gridEnd")).toEqual(cell("back", "pay"));
    expect(moveFocus(model, cell("front", "cart"), "gridStart")).toEqual(cell("actions", "ad"));
  });

  it("finds its way back when the focused thing is gone", () => {
    expect(moveFocus(model, cell("deleted", "ad"), "down")).toEqual(cell("actions", "ad"));
  });
});
