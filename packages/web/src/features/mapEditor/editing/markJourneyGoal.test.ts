import { describe, expect, it } from "vitest";
import { buildTestMapDoc } from "../store/buildTestMapDoc.js";
import { createLiveMapView } from "../store/createLiveMapView.js";
import { createMapEditor } from "./createMapEditor.js";

function setup() {
  const doc = buildTestMapDoc();
  const view = createLiveMapView(doc);
  const editor = createMapEditor(doc, view, { readOnly: false, onRefused: () => {} });
  const goal = () => view.getStructure().steps.find((s) => s.goal)?.id ?? null;
  return { view, editor, goal };
}

describe("marking the journey's goal in the editor", () => {
  it("marks a step, moves the mark to another step, and undoes and redoes each as one step", () => {
    const { editor, goal } = setup();
    expect(goal()).toBeNull();
    expect(editor.apply([{ op: "updateStep", stepId: "cart", goal: true }])).toBe(true);
    expect(goal()).toBe("cart");
    editor.stopCapturing();
    editor.apply([{ op: "updateStep", stepId: "pay", goal: true }]);
    expect(goal()).toBe("pay");
    editor.undo();
    expect(goal()).toBe("cart");
    editor.undo();
    expect(goal()).toBeNull();
    editor.redo();
    expect(goal()).toBe("cart");
  });

  it("unmarks the goal, and the grid's step re-renders with it", () => {
    const { view, editor, goal } = setup();
    editor.apply([{ op: "updateStep", stepId: "ad", goal: true }]);
    const marked = view.getStructure().steps.find((s) => s.id === "ad");
    editor.stopCapturing();
    editor.apply([{ op: "updateStep", stepId: "ad", goal: false }]);
    expect(goal()).toBeNull();
    // A new step object: the memoised step header sees the change.
    expect(view.getStructure().steps.find((s) => s.id === "ad")).not.toBe(marked);
  });

  it("is refused in a read-only editor", () => {
    const doc = buildTestMapDoc();
    const view = createLiveMapView(doc);
    const editor = createMapEditor(doc, view, { readOnly: true, onRefused: () => {} });
    expect(editor.apply([{ op: "updateStep", stepId: "ad", goal: true }])).toBe(false);
    expect(view.getStructure().steps.some((s) => s.goal)).toBe(false);
  });
});
