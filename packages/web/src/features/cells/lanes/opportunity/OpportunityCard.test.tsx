// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";

afterEach(cleanup);

describe("opportunity cards", () => {
  it("adds an opportunity and shows how many ideas are linked to it", async () => {
    const cell = renderCell("opportunities", {
      editing: true,
      cards: [{ kind: "opportunity", text: "Show fees early", ideaIds: ["i1", "i2", "i3"] }],
    });
    await cell.user.click(screen.getByRole("textbox", { name: "Add an opportunity…" }));
    await cell.user.keyboard("Offer pickup{Enter}{Escape}");
    expect(cell.cards()).toMatchObject([
      { text: "Show fees early" },
      { kind: "opportunity", text: "Offer pickup", ideaIds: [] },
    ]);
    expect(screen.getAllByTestId("idea-count").map((e) => e.textContent)).toEqual(["3 ideas"]);
  });

  it("counts ideas with Russian plural forms", () => {
    renderCell("opportunities", {
      locale: "ru",
      cards: [
        { kind: "opportunity", text: "А", ideaIds: ["1", "2"] },
        { kind: "opportunity", text: "Б", ideaIds: ["1", "2", "3", "4", "5"] },
      ],
    });
    expect(screen.getAllByTestId("idea-count").map((e) => e.textContent)).toEqual(["2 идеи", "5 идей"]);
  });
});
