// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";

afterEach(cleanup);

describe("quote cards", () => {
  it("stores the words, the participant and the source, moving through the fields with Enter", async () => {
    const cell = renderCell("quotes", { editing: true });
    await cell.user.keyboard("I never know when it arrives{Enter}");
    await cell.user.click(screen.getByRole("textbox", { name: "Participant" }));
    await cell.user.keyboard("P7{Enter}Interview, March{Enter}");
    expect(cell.cards()).toMatchObject([
      { kind: "quote", text: "I never know when it arrives", participant: "P7", source: "Interview, March" },
    ]);
    // Enter after the source moved on to the new-quote field; Enter there leaves edit mode.
    await cell.user.keyboard("{Enter}");
    expect(cell.stops()).toBe(1);
    const figure = screen.getByRole("figure");
    expect(figure.querySelector("blockquote")?.textContent).toBe("I never know when it arrives");
    expect(figure.querySelector("figcaption")?.textContent).toBe("— P7, Interview, March");
  });

  it("writes the attribution with the language's list separator, each part isolated for bidi", () => {
    renderCell("quotes", {
      locale: "fa",
      cards: [{ kind: "quote", text: "هیچ‌وقت نمی‌دانم کی می‌رسد", participant: "P7", source: "مصاحبه" }],
    });
    const caption = screen.getByRole("figure").querySelector("figcaption")!;
    // Persian's list comma (the ICU data may add a right-to-left mark after it).
    expect(caption.textContent).toMatch(/^— P7،\u200f? مصاحبه$/);
    expect(caption.querySelectorAll("bdi")).toHaveLength(2);
  });
});
