// @vitest-environment jsdom
import { applyMapOperations, docToSnapshot, mapRoots, MapOperationSchema, type MapOperationInput } from "@opencjm/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { findUnreadableCards } from "./findUnreadableCards.js";
import { UnreadableCards } from "./UnreadableCards.js";
import { buildTestMapDoc } from "./store/buildTestMapDoc.js";

/** A map with two cards an older version left unreadable: an action card with a numeric text, a pain point with a word for its severity. */
function damagedMap() {
  const doc = buildTestMapDoc();
  applyMapOperations(doc, [
    {
      op: "addCard",
      id: "p1c",
      laneId: "pains",
      stepId: "cart",
      card: { kind: "painPoint", text: "Shipping costs appear late", severity: 4 },
    },
  ]);
  mapRoots(doc).cards.get("c1")!.set("text", 42);
  mapRoots(doc).cards.get("p1c")!.set("severity", "very high");
  return doc;
}

describe("cards the map cannot read", () => {
  it("are announced, listed with what they said, and repaired or deleted", async () => {
    const doc = damagedMap();
    // As the editor does: parse each operation, then apply the batch.
    const apply = (ops: MapOperationInput[]) => (
      applyMapOperations(
        doc,
        ops.map((op) => MapOperationSchema.parse(op)),
      ),
      true
    );
    renderWithI18n(<UnreadableCards doc={doc} readOnly={false} apply={apply} />);
    expect(
      await screen.findByText("2 cards on this map could not be read. They are kept until you repair or delete them."),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Show" }));
    expect(screen.getByText("Shipping costs appear late")).toBeTruthy();
    // The pain point's lane has no plain text kind: it can only be deleted. The action card is kept as a plain action.
    const buttons = screen.getAllByRole("button", { name: "Keep as a plain card" });
    expect(buttons).toHaveLength(1);
    await userEvent.click(buttons[0]!);
    const painPoint = screen.getByText("Shipping costs appear late").closest("li")!;
    await userEvent.click(within(painPoint as HTMLElement).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.queryByTestId("unreadable-cards")).toBeNull(), { timeout: 3000 });
    const cards = docToSnapshot(doc).cells.flatMap((c) => c.cards);
    // The action card said nothing readable as text, so it keeps its stored fields as its text instead of losing them.
    expect(cards.map((c) => [c.id, c.kind, "text" in c ? c.text : ""])).toEqual([
      ["c1", "action", expect.stringContaining('"text":42')],
    ]);
    expect(docToSnapshot(doc).unreadableCards).toBeUndefined();
  });

  it("offers no repair to someone who can only read, and says nothing when every card reads", async () => {
    renderWithI18n(<UnreadableCards doc={damagedMap()} readOnly apply={() => false} />, "ru");
    expect(await screen.findByText(/2 карточки на этой карте не удалось прочитать/)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Показать" }));
    expect(screen.queryByRole("button", { name: "Удалить" })).toBeNull();
    const whole = buildTestMapDoc();
    expect(findUnreadableCards(whole)).toEqual([]);
    const { container } = renderWithI18n(<UnreadableCards doc={whole} readOnly={false} apply={() => true} />);
    expect(container.textContent).toBe("");
  });
});
