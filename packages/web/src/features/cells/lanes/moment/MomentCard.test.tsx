// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";

afterEach(cleanup);

describe("moment of truth cards", () => {
  it("adds a moment from its badge, gives it a note, switches it, and shows a distinctive badge", async () => {
    const cell = renderCell("momentsOfTruth", { editing: true });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Add: Zero moment of truth" }));
    await cell.user.click(screen.getByRole("button", { name: "Add: First moment of truth" }));
    expect(cell.cards()).toMatchObject([{ kind: "momentOfTruth", moment: "FMOT", note: "" }]);
    await cell.user.type(screen.getByRole("textbox", { name: "Note" }), "Sees the product on the shelf{Enter}");
    await cell.user.selectOptions(screen.getByRole("combobox", { name: "Moment" }), "TMOT");
    expect(cell.cards()[0]).toMatchObject({ moment: "TMOT", note: "Sees the product on the shelf" });
    await cell.user.keyboard("{Escape}");
    const badge = screen.getByRole("img", { name: "Third moment of truth" });
    expect([badge.getAttribute("data-moment"), badge.textContent]).toEqual(["TMOT", "TMOT"]);
  });

  it("names the sharing moment in the user's language", () => {
    renderCell("momentsOfTruth", { locale: "zh-Hans", cards: [{ kind: "momentOfTruth", moment: "sharing" }] });
    expect(screen.getByRole("img", { name: "分享" }).textContent).toBe("分享");
  });
});
