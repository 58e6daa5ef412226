// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";
import { formatDuration, naturalUnit } from "./formatDuration.js";

afterEach(cleanup);

describe("duration cards", () => {
  it("takes a number in the chosen unit and stores minutes; shows it the way people say it", async () => {
    const cell = renderCell("duration", { editing: true });
    await cell.user.selectOptions(screen.getByRole("combobox", { name: "Unit" }), "hour");
    await cell.user.click(screen.getByRole("textbox", { name: /Add a time/ }));
    await cell.user.keyboard("1.5{Enter}{Escape}");
    expect(cell.cards()).toMatchObject([{ kind: "duration", minutes: 90, label: "" }]);
    expect(screen.getByTestId("cell-lane-cart").textContent).toContain("1 hr, 30 min");
  });

  it("keeps text that is not a number as a free label", async () => {
    const cell = renderCell("duration", { editing: true });
    await cell.user.keyboard("about a week{Enter}");
    expect(cell.cards()).toMatchObject([{ kind: "duration", label: "about a week" }]);
    expect(cell.cards()[0]).not.toHaveProperty("minutes", expect.any(Number));
  });

  it("edits the amount in its natural unit; changing the unit keeps the number", async () => {
    const cell = renderCell("duration", { editing: true, cards: [{ kind: "duration", minutes: 2880 }] });
    const card = within(screen.getByRole("listitem", { name: "Card 1 of 1" }));
    const amount = card.getByRole("textbox", { name: "Time" }) as HTMLInputElement;
    expect(amount.value).toBe("2");
    expect((card.getByRole("combobox", { name: "Unit" }) as HTMLSelectElement).value).toBe("day");
    await cell.user.selectOptions(card.getByRole("combobox", { name: "Unit" }), "hour");
    expect(cell.cards()[0]).toMatchObject({ minutes: 120 });
    await cell.user.clear(amount);
    await cell.user.type(amount, "soon{Enter}");
    expect(screen.getByRole("alert").textContent).toBe("Enter a number.");
    expect(cell.cards()[0]).toMatchObject({ minutes: 120 });
  });

  it("formats durations in every language and picks the natural unit", () => {
    expect(formatDuration(1505, "en")).toBe("1 day, 1 hr, 5 min");
    expect(formatDuration(0.5, "en")).toBe("30 sec");
    expect(formatDuration(45, "fa")).toContain("۴۵");
    expect(formatDuration(120, "zh-Hant")).toContain("2");
    expect([naturalUnit(2880), naturalUnit(120), naturalUnit(90), naturalUnit(undefined)]).toEqual([
      "day",
      "hour",
      "minute",
      "minute",
    ]);
  });
});
