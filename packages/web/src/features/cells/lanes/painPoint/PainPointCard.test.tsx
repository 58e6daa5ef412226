// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";
import { severityColor } from "./severityColor.js";

afterEach(cleanup);

const value = (el: HTMLElement) => (el as HTMLInputElement).value;

describe("pain point cards", () => {
  it("adds a pain point at middle severity and shows it as coloured bars", async () => {
    const cell = renderCell("painPoints", { editing: true });
    await cell.user.keyboard("Shipping cost shown late{Enter}{Escape}");
    expect(cell.cards()).toMatchObject([
      { kind: "painPoint", text: "Shipping cost shown late", severity: 3, rootCause: "", whys: [] },
    ]);
    const bars = screen.getByRole("img", { name: "Severity 3 of 5" });
    expect(bars.getAttribute("data-severity")).toBe("3");
  });

  it("changes severity with the keyboard, and the display changes colour", async () => {
    const cell = renderCell("painPoints", { editing: true, cards: [{ kind: "painPoint", text: "Slow", severity: 2 }] });
    const two = screen.getByRole("radio", { name: "Severity 2 of 5" });
    expect((two as HTMLInputElement).checked).toBe(true);
    two.focus();
    await cell.user.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(cell.cards()[0]).toMatchObject({ severity: 5 });
    await cell.user.keyboard("{Escape}");
    const bars = screen.getByRole("img", { name: "Severity 5 of 5" });
    const filled = Array.from(bars.children).map((bar) => (bar as HTMLElement).style.background);
    expect(new Set(filled).size).toBe(1);
    expect(bars.style.color).not.toBe("");
    expect(severityColor(5)).not.toBe(severityColor(2));
  });

  it("edits the root cause and a 5-whys chain: add, answer, remove", async () => {
    const cell = renderCell("painPoints", {
      editing: true,
      cards: [{ kind: "painPoint", text: "Cart abandoned", severity: 4 }],
    });
    await cell.user.type(screen.getByRole("textbox", { name: "Root cause" }), "Fees appear at the last step");
    await cell.user.click(screen.getByRole("button", { name: "Ask why" }));
    await cell.user.keyboard("Fees are computed by the carrier{Enter}");
    await cell.user.click(screen.getByRole("button", { name: "Ask why" }));
    await cell.user.keyboard("The carrier API is called late{Enter}");
    expect(cell.cards()[0]).toMatchObject({
      rootCause: "Fees appear at the last step",
      whys: ["Fees are computed by the carrier", "The carrier API is called late"],
    });
    await cell.user.click(screen.getByRole("button", { name: "Remove why 1" }));
    expect(cell.cards()[0]).toMatchObject({ whys: ["The carrier API is called late"] });
    expect(value(screen.getByRole("textbox", { name: "Answer to why 1" }))).toBe("The carrier API is called late");
    await cell.user.keyboard("{Escape}");
    expect(screen.getByText("1 why")).toBeTruthy();
    expect(screen.getByText("Fees appear at the last step")).toBeTruthy();
  });

  it("stops the chain at ten whys", async () => {
    renderCell("painPoints", {
      editing: true,
      cards: [{ kind: "painPoint", text: "Deep", severity: 1, whys: Array.from({ length: 10 }, (_, i) => `w${i}`) }],
    });
    expect((screen.getByRole("button", { name: "Ask why" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("refuses a too-long why with a message and keeps the stored chain", async () => {
    const cell = renderCell("painPoints", {
      editing: true,
      cards: [{ kind: "painPoint", text: "P", severity: 3, whys: ["short"] }],
    });
    const why = screen.getByRole("textbox", { name: "Answer to why 1" });
    await cell.user.clear(why);
    why.focus();
    await cell.user.paste("y".repeat(501));
    await cell.user.keyboard("{Enter}");
    const card = screen.getByRole("listitem", { name: "Card 1 of 1" });
    expect(within(card).getByRole("alert").textContent).toContain("at most 500");
    expect(cell.cards()[0]).toMatchObject({ whys: ["short"] });
  });
});
