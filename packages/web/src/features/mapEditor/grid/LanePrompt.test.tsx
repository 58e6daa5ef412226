// @vitest-environment jsdom
import { act, cleanup } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderEditorGrid } from "../testing/renderEditorGrid.js";

afterEach(cleanup);

const promptIn = (cell: HTMLElement) => cell.querySelector("[data-testid=lane-prompt]")?.textContent ?? null;

describe("lane prompts in an empty lane", () => {
  it("show as placeholder text in the first step's cell of an empty lane, in the reader's language", () => {
    const { cell } = renderEditorGrid();
    expect(promptIn(cell("pains", "ad"))).toBe("Where does the customer get stuck or annoyed?");
    expect(promptIn(cell("front", "ad"))).toBe("What our staff or app does in front of the customer");
    // Not repeated along the lane, and not in a lane that already has a card.
    expect(promptIn(cell("pains", "cart"))).toBeNull();
    expect(promptIn(cell("actions", "ad"))).toBeNull();
    cleanup();
    const persian = renderEditorGrid({ locale: "fa" });
    expect(promptIn(persian.cell("pains", "ad"))).toBe("مشتری کجا گیر می‌کند یا آزرده می‌شود؟");
  });

  it("vanish once the lane has a card, and are never stored on the map", () => {
    const { cell, editor, view, refusals } = renderEditorGrid();
    let applied = false;
    act(() => {
      applied = editor.apply([
        { op: "addCard", laneId: "pains", stepId: "cart", card: { kind: "painPoint", text: "Slow", severity: 2 } },
      ]);
    });
    expect([applied, refusals]).toEqual([true, []]);
    expect(promptIn(cell("pains", "ad"))).toBeNull();
    const stored = [...view.cells()].flatMap(([, cards]) => cards).map((c) => ("text" in c ? c.text : ""));
    expect(stored.sort()).toEqual(["Clicks the ad", "Slow"]);
  });

  it("are not shown to readers of a read-only map", () => {
    const { cell } = renderEditorGrid({ readOnly: true });
    expect(promptIn(cell("pains", "ad"))).toBeNull();
  });
});
