// @vitest-environment jsdom
import { applyMapOperations, MapOperationSchema } from "@opencjm/core";
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { buildTestMapDoc } from "../store/buildTestMapDoc.js";
import { renderEditorGrid } from "../testing/renderEditorGrid.js";

afterEach(cleanup);

const stageOrder = (container: HTMLElement) =>
  [...container.querySelectorAll("[data-testid=stage-header]")].map((e) => e.getAttribute("data-stage-id"));

describe("map grid", () => {
  it("draws stages over their steps, parallel steps stacked in one column, and blueprint lines between layers", () => {
    const { container } = renderEditorGrid();
    const column = (stepId: string) =>
      (container.querySelector(`[data-step-id="${stepId}"][data-testid=step-header]`)!.parentElement as HTMLElement)
        .style.gridColumn;
    expect(column("cart")).toBe(column("pay"));
    expect(column("ad")).not.toBe(column("cart"));
    expect(screen.getByText("Purchase").closest("[data-testid=stage-header]")!.getAttribute("aria-colspan")).toBe("1");
    expect([...container.querySelectorAll("[data-testid=blueprint-line]")].map((e) => e.textContent)).toEqual([
      "Line of interaction",
      "Line of visibility",
    ]);
    expect(container.querySelectorAll("[role=gridcell][data-testid=cell]")).toHaveLength(15);
  });

  it("moves between cells with the arrow keys, edits with Enter and leaves with Escape", async () => {
    const user = userEvent.setup();
    const { cell, focus } = renderEditorGrid();
    await user.click(cell("actions", "ad"));
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(cell("actions", "cart"));
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(cell("pains", "cart"));
    expect(cell("pains", "cart").tabIndex).toBe(0);
    expect(cell("actions", "cart").tabIndex).toBe(-1);
    await user.keyboard("{Enter}");
    expect(cell("pains", "cart").dataset.editing).toBe("true");
    expect(focus.isEditing).toBe(true);
    await user.keyboard("{Escape}");
    await waitFor(() => expect(cell("pains", "cart").dataset.editing).toBeUndefined());
    expect(document.activeElement).toBe(cell("pains", "cart"));
  });

  it("is one tab stop: Tab leaves for the control after the grid, Shift+Tab for the one before, both come back", async () => {
    const user = userEvent.setup();
    const { cell } = renderEditorGrid({
      around: (grid) => (
        <>
          <button type="button">Before</button>
          {grid}
        </>
      ),
    });
    await user.click(cell("pains", "cart"));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId("add-lane"));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(cell("pains", "cart"));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Before" }));
    await user.tab();
    expect(document.activeElement).toBe(cell("pains", "cart"));
  });

  it("mirrors the arrow keys in Persian: the right arrow goes back to the first step", async () => {
    const user = userEvent.setup();
    const { cell } = renderEditorGrid({ locale: "fa" });
    await user.click(cell("actions", "cart"));
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(cell("actions", "ad"));
  });

  it("moves a stage with Alt+arrow, and undo puts it back", async () => {
    const user = userEvent.setup();
    const { container, editor } = renderEditorGrid();
    await user.click(screen.getByText("Awareness"));
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    expect(stageOrder(container)).toEqual(["buy", "aware"]);
    act(() => editor.undo());
    expect(stageOrder(container)).toEqual(["aware", "buy"]);
  });

  it("asks before deleting a lane and deletes nothing when the answer is no", async () => {
    const user = userEvent.setup();
    const kept = renderEditorGrid({ confirmAnswer: false });
    await user.click(screen.getByText("Pain points"));
    await user.keyboard("{Delete}");
    await waitFor(() => expect(kept.confirms).toEqual(["Delete the lane “Pain points” with all its cards?"]));
    expect(kept.view.getStructure().lanes.some((l) => l.id === "pains")).toBe(true);
    cleanup();
    const gone = renderEditorGrid({ confirmAnswer: true });
    await user.click(screen.getByText("Pain points"));
    await user.keyboard("{Delete}");
    await waitFor(() => expect(gone.view.getStructure().lanes.some((l) => l.id === "pains")).toBe(false));
  });

  it("offers a viewer no way to edit: no menus, no edit mode, no moves", async () => {
    const user = userEvent.setup();
    const { container, cell, refusals } = renderEditorGrid({ readOnly: true });
    expect(container.querySelectorAll("[data-testid=header-menu]")).toHaveLength(0);
    expect(container.querySelector("[data-testid=add-lane]")).toBeNull();
    await user.click(cell("actions", "ad"));
    await user.keyboard("{Enter}");
    expect(cell("actions", "ad").dataset.editing).toBeUndefined();
    await user.click(screen.getByText("Awareness"));
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    expect(stageOrder(container)).toEqual(["aware", "buy"]);
    expect(refusals).toEqual([]);
  });

  it("shows hostile text as text and follows a collaborator's edit in one cell", () => {
    const doc = buildTestMapDoc();
    const { container, cell } = renderEditorGrid({ doc });
    act(() => {
      applyMapOperations(doc, [
        MapOperationSchema.parse({ op: "updateStage", stageId: "aware", name: '<img src=x onerror="alert(1)">' }),
      ]);
    });
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeTruthy();
    expect(container.querySelector("img")).toBeNull();
    act(() => {
      applyMapOperations(doc, [
        MapOperationSchema.parse({
          op: "addCard",
          laneId: "pains",
          stepId: "pay",
          card: { kind: "painPoint", text: "Card declined", severity: 4 },
        }),
      ]);
    });
    expect(cell("pains", "pay").textContent).toContain("Card declined");
  });

  it("opens a wide map with the columns in view, then renders the two beyond the edge once the first frame is painted", async () => {
    const doc = buildTestMapDoc();
    applyMapOperations(
      doc,
      Array.from({ length: 12 }, (_, i) =>
        MapOperationSchema.parse({ op: "addStep", id: `more${i}`, stageId: "buy", name: `Step ${i + 4}` }),
      ),
    );
    const { container } = renderEditorGrid({ doc });
    const columns = () =>
      new Set(
        [...container.querySelectorAll("[data-testid=step-header]")].map(
          (e) => (e.parentElement as HTMLElement).style.gridColumn,
        ),
      ).size;
    // jsdom's window is 1024 px wide: 210 px of lane titles and four 240 px columns (the fourth partly) fit in it.
    expect(columns()).toBe(4);
    await waitFor(() => expect(columns()).toBe(6));
  });

  it("opens a tall map with the lanes that fill the window, then renders the rest once the first frame is painted", async () => {
    const doc = buildTestMapDoc();
    // Twenty more lanes of three cards in the first step: at least 84 px each, so jsdom's 768 px window holds nine.
    applyMapOperations(
      doc,
      Array.from({ length: 20 }, (_, l) => [
        MapOperationSchema.parse({ op: "addLane", id: `tall${l}`, type: "actions", name: `Tall ${l}` }),
        ...[0, 1, 2].map((c) =>
          MapOperationSchema.parse({
            op: "addCard",
            id: `tall${l}c${c}`,
            laneId: `tall${l}`,
            stepId: "ad",
            card: { kind: "action", text: `Card ${c}` },
          }),
        ),
      ]).flat(),
    );
    const { container } = renderEditorGrid({ doc });
    const lanes = () => container.querySelectorAll("[data-testid=lane-row]").length;
    const total = container.querySelector("[role=grid]")!.getAttribute("aria-rowcount");
    expect(lanes()).toBeGreaterThan(3);
    expect(lanes()).toBeLessThan(Number(total) - 2);
    expect(screen.queryByTestId("add-lane")).toBeNull();
    // Rendering the other lanes in jsdom can take longer than waitFor's default second on a busy machine.
    await waitFor(() => expect(lanes()).toBe(Number(total) - 2), { timeout: 15_000 });
    expect(screen.getByText("Tall 19")).toBeTruthy();
    expect(screen.getByTestId("add-lane")).toBeTruthy();
  });
});
