// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderEditorGrid } from "../testing/renderEditorGrid.js";

afterEach(cleanup);

const stageHeader = (container: HTMLElement, stageId: string) =>
  container.querySelector<HTMLElement>(`[data-testid=stage-header][data-stage-id="${stageId}"]`)!;

describe("a header's menu", () => {
  it("opens from the focused header with Shift+F10, moves with the arrows, and Escape gives focus back", async () => {
    const user = userEvent.setup();
    const { container } = renderEditorGrid();
    await user.click(screen.getByText("Awareness"));
    await user.keyboard("{Shift>}{F10}{/Shift}");
    const menu = await screen.findByRole("menu");
    expect(menu.getAttribute("aria-label")).toContain("Awareness");
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement?.getAttribute("role")).toBe("menuitem");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("menu")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(stageHeader(container, "aware")));
  });

  it("closes on a click outside, and a colour picked from it tints the stage (undo takes it back)", async () => {
    const user = userEvent.setup();
    const { container, view, editor } = renderEditorGrid();
    const header = stageHeader(container, "aware");
    await user.click(header.querySelector<HTMLElement>("[data-testid=header-menu]")!);
    await screen.findByRole("menu");
    await user.click(screen.getByText("Purchase"));
    await waitFor(() => expect(screen.queryByRole("menu")).toBeNull());

    await user.click(header.querySelector<HTMLElement>("[data-testid=header-menu]")!);
    await user.click(await screen.findByRole("menuitemradio", { name: "Teal" }));
    expect(view.getStructure().stages.find((s) => s.id === "aware")?.color).toBe("#0f7b8a");
    editor.undo();
    expect(view.getStructure().stages.find((s) => s.id === "aware")?.color).toBeUndefined();
  });
});
