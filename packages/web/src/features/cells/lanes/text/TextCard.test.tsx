// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";

afterEach(cleanup);

describe("text, action and expectation cards", () => {
  it("adds cards with Enter in an empty cell, keeps Shift+Enter as a new line, and leaves on Enter in the empty field", async () => {
    const cell = renderCell("actions", { editing: true });
    const adder = screen.getByRole("textbox", { name: "Add an action…" });
    expect(document.activeElement).toBe(adder);
    await cell.user.keyboard("Compares prices{Shift>}{Enter}{/Shift}on two sites{Enter}");
    expect(cell.cards()).toMatchObject([
      { kind: "action", text: "Compares prices\non two sites", evidence: { level: "assumption" } },
    ]);
    expect((adder as HTMLTextAreaElement).value).toBe("");
    await cell.user.keyboard("Reads reviews{Enter}");
    expect(cell.cards().map((c) => "text" in c && c.text)).toEqual(["Compares prices\non two sites", "Reads reviews"]);
    await cell.user.keyboard("{Enter}");
    expect(cell.stops()).toBe(1);
    const shown = within(screen.getByTestId("cell-lane-cart")).getAllByRole("listitem");
    expect(shown.map((li) => within(li).getByTestId("card-body").textContent)).toEqual([
      "Compares prices\non two sites",
      "Reads reviews",
    ]);
    expect(shown.map((li) => within(li).getByRole("img").getAttribute("aria-label"))).toEqual([
      "Evidence: Assumption",
      "Evidence: Assumption",
    ]);
  });

  it("saves an edited text on Enter as one edit, not one per keystroke", async () => {
    const cell = renderCell("text", { editing: true, cards: [{ kind: "text", text: "Old" }] });
    const field = screen.getByRole("textbox", { name: "Notes" });
    expect(document.activeElement).toBe(field);
    await cell.user.clear(field);
    await cell.user.type(field, "Checks the delivery date{Enter}");
    expect(cell.cards()).toMatchObject([{ text: "Checks the delivery date" }]);
    expect(cell.edits.filter((batch) => batch.some((op) => op.op === "updateCard"))).toHaveLength(1);
  });

  it("saves typed text when the cell leaves edit mode without Enter", async () => {
    const cell = renderCell("expectations", { editing: true, cards: [{ kind: "expectation", text: "Fast" }] });
    await cell.user.type(screen.getByRole("textbox", { name: "Expectations" }), " delivery");
    await cell.user.keyboard("{Escape}");
    expect(cell.stops()).toBe(1);
    expect(cell.cards()).toMatchObject([{ text: "Fast delivery" }]);
    expect(screen.queryByRole("textbox")).toBeNull();
  });

  it("refuses text over the limit with a message, changes nothing, and keeps the draft", async () => {
    const cell = renderCell("text", { editing: true, cards: [{ kind: "text", text: "Short" }] });
    const field = screen.getByRole("textbox", { name: "Notes" });
    await cell.user.clear(field);
    await cell.user.paste("x".repeat(20_001));
    fireEvent.keyDown(field, { key: "Enter" });
    expect((await screen.findByRole("alert")).textContent).toContain("Too long: 20,001 characters, at most 20,000");
    expect((field as HTMLTextAreaElement).value).toBe("x".repeat(20_001));
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(cell.cards()).toMatchObject([{ text: "Short" }]);
  });

  it("shows pasted HTML and script as text", async () => {
    const cell = renderCell("text", { editing: true });
    await cell.user.paste('<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>');
    await cell.user.keyboard("{Enter}{Enter}");
    const cellElement = screen.getByTestId("cell-lane-cart");
    expect(cellElement.querySelector("img, script, b")).toBeNull();
    expect(cellElement.textContent).toContain('<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>');
  });

  it("reorders cards with Alt+arrows and the move buttons, and deletes a card", async () => {
    const cell = renderCell("actions", {
      editing: true,
      cards: [
        { kind: "action", text: "A" },
        { kind: "action", text: "B" },
        { kind: "action", text: "C" },
      ],
    });
    const texts = () => cell.cards().map((c) => ("text" in c ? c.text : ""));
    screen.getAllByRole("textbox", { name: "Customer actions" })[0]!.focus();
    await cell.user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    expect(texts()).toEqual(["B", "A", "C"]);
    await cell.user.click(
      within(screen.getByRole("listitem", { name: "Card 3 of 3" })).getByRole("button", { name: /Move card up/ }),
    );
    expect(texts()).toEqual(["B", "C", "A"]);
    await cell.user.click(
      within(screen.getByRole("listitem", { name: "Card 1 of 3" })).getByRole("button", { name: "Delete card" }),
    );
    expect(texts()).toEqual(["C", "A"]);
  });

  it("follows a collaborator's edit while the field is not being edited", async () => {
    const cell = renderCell("text", { editing: true, cards: [{ kind: "text", text: "Mine" }] });
    const id = cell.cards()[0]!.id;
    const { applyMapOperations } = await import("@opencjm/core");
    applyMapOperations(cell.doc, [{ op: "updateCard", cardId: id, fields: { text: "Theirs" } }]);
    await waitFor(() =>
      expect((screen.getByRole("textbox", { name: "Notes" }) as HTMLTextAreaElement).value).toBe("Theirs"),
    );
  });

  it("brings back a draft that could not be saved when the user returns to the cell", async () => {
    const cell = renderCell("text", { editing: true, cards: [{ kind: "text", text: "Short" }] });
    const long = "z".repeat(20_050);
    await cell.user.clear(screen.getByRole("textbox", { name: "Notes" }));
    await cell.user.paste(long);
    await cell.user.keyboard("{Escape}");
    expect(cell.cards()).toMatchObject([{ text: "Short" }]);
    fireEvent.doubleClick(screen.getByTestId("cell-lane-cart"));
    const field = screen.getByRole("textbox", { name: "Notes" }) as HTMLTextAreaElement;
    expect(field.value).toBe(long);
    await cell.user.keyboard("{Enter}");
    expect(screen.getByRole("alert").textContent).toContain("20,050");
  });
});
