// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";

afterEach(cleanup);

describe("thought cards", () => {
  it("marks a thought ending in a question mark as a question, in any script, and draws it with a question mark", async () => {
    const cell = renderCell("thoughts", { editing: true });
    await cell.user.keyboard("Is shipping free?{Enter}Looks trustworthy{Enter}این قیمت نهایی است؟{Enter}{Enter}");
    expect(cell.cards().map((c) => c.kind === "thought" && c.question)).toEqual([true, false, true]);
    expect(screen.getAllByRole("img", { name: "Question" })).toHaveLength(2);
  });

  it("toggles the question flag from the keyboard", async () => {
    const cell = renderCell("thoughts", { editing: true, cards: [{ kind: "thought", text: "Hmm" }] });
    await cell.user.tab();
    expect(document.activeElement).toBe(screen.getByRole("checkbox", { name: "It is a question" }));
    await cell.user.keyboard(" ");
    expect(cell.cards()[0]).toMatchObject({ question: true, text: "Hmm" });
  });
});
