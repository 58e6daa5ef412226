// @vitest-environment jsdom
import type { CommentAnchor } from "@opencjm/core";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CARD_DRAG_TYPE, cardKindDragType } from "./cardDrag.js";
import { CELL_FIELD_ATTRIBUTE } from "./fields/CellEditingContext.js";
import { renderCell } from "./testing/renderCell.js";

afterEach(cleanup);

/** A drag's data store, as the browser keeps it between dragstart and drop (jsdom has no DataTransfer). */
function dataTransfer() {
  const data = new Map<string, string>();
  return {
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => void data.set(type.toLowerCase(), value),
    getData: (type: string) => data.get(type.toLowerCase()) ?? "",
    effectAllowed: "all",
    dropEffect: "none",
  };
}

describe("cell content", () => {
  it("shows and changes each card's evidence level", async () => {
    const cell = renderCell("actions", { editing: true, cards: [{ kind: "action", text: "Reads reviews" }] });
    await cell.user.selectOptions(screen.getByRole("combobox", { name: "Evidence" }), "research");
    expect(cell.cards()[0]).toMatchObject({ evidence: { level: "research", refs: [] } });
    await cell.user.keyboard("{Escape}");
    expect(screen.getByRole("img", { name: "Evidence: Research" }).getAttribute("data-evidence")).toBe("research");
  });

  it("tabs from a card's text to its own buttons, then to the next card's text", async () => {
    const cell = renderCell("actions", {
      editing: true,
      cards: [
        { kind: "action", text: "First" },
        { kind: "action", text: "Second" },
      ],
      comments: { openCounts: new Map(), canComment: true, open: () => {} },
    });
    const [first, second] = cell.cards().map((c) => document.querySelector<HTMLElement>(`[data-card-id="${c.id}"]`)!);
    const field = (card: HTMLElement) => card.querySelector(`[${CELL_FIELD_ATTRIBUTE}]`);
    expect(document.activeElement).toBe(field(first!));
    const stops: string[] = [];
    for (let i = 0; i < 4; i++) {
      await cell.user.tab();
      expect(first!.contains(document.activeElement)).toBe(true);
      stops.push((document.activeElement as HTMLElement).getAttribute("aria-label") ?? "");
    }
    expect(stops).toEqual(["Evidence", "Comments on this card (Ctrl+Alt+M)", "Move card down (Alt+↓)", "Delete card"]);
    await cell.user.tab();
    expect(document.activeElement).toBe(field(second!));
  });

  it("opens the comments of the card with the cursor in it with Ctrl+Alt+M, as its button's tooltip says", async () => {
    const opened: CommentAnchor[] = [];
    const cell = renderCell("actions", {
      editing: true,
      cards: [{ kind: "action", text: "Reads reviews" }],
      comments: { openCounts: new Map(), canComment: true, open: (anchor) => void (anchor && opened.push(anchor)) },
    });
    const [card] = cell.cards();
    await cell.user.keyboard("{Control>}{Alt>}m{/Alt}{/Control}");
    expect(opened).toEqual([{ kind: "card", cardId: card!.id }]);
    const item = document.querySelector(`[data-card-id="${card!.id}"]`)!;
    expect(item.getAttribute("aria-keyshortcuts")).toBe("Control+Alt+M");
    expect(within(item as HTMLElement).getByRole("button", { name: /Comments on this card/ }).title).toContain(
      "Ctrl+Alt+M",
    );
  });

  it("puts the cursor in the card double-clicked, not the cell's first card", async () => {
    const cell = renderCell("actions", {
      cards: [
        { kind: "action", text: "First" },
        { kind: "action", text: "Second" },
        { kind: "action", text: "Third" },
      ],
    });
    await cell.user.dblClick(screen.getByText("Third"));
    const third = cell.cards()[2]!.id;
    expect(document.activeElement?.closest<HTMLElement>("[data-card-id]")?.dataset.cardId).toBe(third);
    expect((document.activeElement as HTMLTextAreaElement).value).toBe("Third");
  });

  it("offers nothing to edit or drag in a read-only map, even in edit mode", () => {
    renderCell("painPoints", {
      readOnly: true,
      editing: true,
      cards: [{ kind: "painPoint", text: "Slow", severity: 4 }],
    });
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByTestId("cell-lane-cart").querySelector("[draggable]")).toBeNull();
    expect(screen.getByRole("img", { name: "Severity 4 of 5" })).toBeTruthy();
  });

  it("draws nothing in the emotion lane, which the grid draws as a curve", () => {
    renderCell("emotion");
    expect(screen.getByTestId("cell-lane-cart").childElementCount).toBe(0);
  });

  it("moves a card to another cell by dragging it there", () => {
    const cell = renderCell("actions", {
      cards: [
        { kind: "action", text: "A" },
        { kind: "action", text: "B" },
      ],
    });
    const transfer = dataTransfer();
    const source = screen.getByText("A").closest("[data-card-id]")!;
    fireEvent.dragStart(source, { dataTransfer: transfer });
    expect(transfer.types).toEqual([CARD_DRAG_TYPE, cardKindDragType("action"), "text/plain"]);
    const target = within(screen.getByTestId("cell-other-pay")).getByTestId("cell-cards");
    fireEvent.dragOver(target, { dataTransfer: transfer });
    fireEvent.drop(target, { dataTransfer: transfer });
    expect(cell.cards().map((c) => "text" in c && c.text)).toEqual(["B"]);
    expect(cell.otherCards().map((c) => "text" in c && c.text)).toEqual(["A"]);
  });

  it("reorders within a cell by dropping a card on another", () => {
    const cell = renderCell("actions", {
      cards: [
        { kind: "action", text: "A" },
        { kind: "action", text: "B" },
        { kind: "action", text: "C" },
      ],
    });
    const transfer = dataTransfer();
    fireEvent.dragStart(screen.getByText("A").closest("[data-card-id]")!, { dataTransfer: transfer });
    // jsdom lays nothing out and has no pointer position, so the drop lands after the card it is on.
    fireEvent.drop(screen.getByText("B"), { dataTransfer: transfer });
    expect(cell.cards().map((c) => "text" in c && c.text)).toEqual(["B", "A", "C"]);
  });

  it("refuses a card of a kind the lane does not hold, and forged drag data", () => {
    const cell = renderCell("actions", { cards: [{ kind: "action", text: "A" }] });
    const target = within(screen.getByTestId("cell-lane-cart")).getByTestId("cell-cards");
    const foreign = dataTransfer();
    foreign.setData(CARD_DRAG_TYPE, JSON.stringify({ cardId: "x", kind: "painPoint", laneId: "l", stepId: "s" }));
    foreign.setData(cardKindDragType("painPoint"), "1");
    fireEvent.drop(target, { dataTransfer: foreign });
    const forged = dataTransfer();
    forged.setData(CARD_DRAG_TYPE, '{"cardId":"../../x","kind":"action"}');
    forged.setData(cardKindDragType("action"), "1");
    fireEvent.drop(target, { dataTransfer: forged });
    expect(cell.edits).toEqual([]);
  });

  it("lays Persian out right to left with logical sides and Persian digits", () => {
    renderCell("painPoints", {
      locale: "fa",
      cards: [{ kind: "painPoint", text: "هزینهٔ ارسال دیر نمایش داده می‌شود", severity: 4 }],
    });
    expect(screen.getByRole("img", { name: "شدت ۴ از ۵" })).toBeTruthy();
    expect(screen.getByText("هزینهٔ ارسال دیر نمایش داده می‌شود").getAttribute("dir")).toBe("auto");
  });
});
