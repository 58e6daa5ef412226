// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";

afterEach(cleanup);

describe("KPI cards", () => {
  it("adds a KPI by name, stores typed target and actual as numbers, and shows on/off track", async () => {
    const cell = renderCell("kpis", { editing: true });
    await cell.user.keyboard("Conversion rate{Enter}");
    expect(cell.cards()).toMatchObject([{ kind: "kpi", name: "Conversion rate", unit: "" }]);
    await cell.user.type(screen.getByRole("textbox", { name: "Actual" }), "2.5{Enter}");
    await cell.user.type(screen.getByRole("textbox", { name: "Target" }), "3{Enter}");
    await cell.user.type(screen.getByRole("textbox", { name: "Unit" }), "%{Enter}");
    expect(cell.cards()[0]).toMatchObject({ actual: 2.5, target: 3, unit: "%" });
    await cell.user.keyboard("{Escape}");
    expect(screen.getByText("Off track").getAttribute("data-track")).toBe("off");
    expect(screen.getByText("target 3")).toBeTruthy();
  });

  it("formats numbers for the locale and reads them back typed the local way (Russian decimal comma)", async () => {
    const cell = renderCell("kpis", {
      locale: "ru",
      editing: true,
      cards: [{ kind: "kpi", name: "Выручка", target: 1234567.5 }],
    });
    const target = screen.getByRole("textbox", { name: "Цель" }) as HTMLInputElement;
    expect(target.value).toBe("1234567,5");
    await cell.user.type(screen.getByRole("textbox", { name: "Факт" }), "1300000,25{Enter}");
    expect(cell.cards()[0]).toMatchObject({ actual: 1300000.25 });
    await cell.user.keyboard("{Escape}");
    // Russian groups thousands with no-break spaces and writes a decimal comma.
    expect(screen.getByTestId("cell-lane-cart").textContent).toContain("1\u00a0300\u00a0000,25");
    expect(screen.getByText("В норме")).toBeTruthy();
  });

  it("reads Persian digits and shows numbers in Persian", async () => {
    const cell = renderCell("kpis", { locale: "fa", editing: true, cards: [{ kind: "kpi", name: "NPS" }] });
    await cell.user.type(screen.getByRole("textbox", { name: "واقعی" }), "۴۲٫۵{Enter}");
    expect(cell.cards()[0]).toMatchObject({ actual: 42.5 });
    await cell.user.keyboard("{Escape}");
    expect(screen.getByText("۴۲٫۵")).toBeTruthy();
  });

  it("refuses text that is not a number with a message and changes nothing", async () => {
    const cell = renderCell("kpis", { editing: true, cards: [{ kind: "kpi", name: "CSAT", target: 4 }] });
    const target = screen.getByRole("textbox", { name: "Target" });
    await cell.user.clear(target);
    await cell.user.type(target, "four{Enter}");
    expect(screen.getByRole("alert").textContent).toBe("Enter a number.");
    expect(cell.cards()[0]).toMatchObject({ target: 4 });
  });

  it("clears a number when its field is emptied", async () => {
    const cell = renderCell("kpis", { editing: true, cards: [{ kind: "kpi", name: "CSAT", target: 4 }] });
    await cell.user.clear(screen.getByRole("textbox", { name: "Target" }));
    await cell.user.keyboard("{Enter}");
    expect(cell.cards()[0]!).not.toHaveProperty("target", 4);
  });

  it("will not empty a KPI's name", async () => {
    const cell = renderCell("kpis", { editing: true, cards: [{ kind: "kpi", name: "CSAT" }] });
    await cell.user.clear(screen.getByRole("textbox", { name: "KPI name" }));
    await cell.user.keyboard("{Enter}");
    expect(screen.getByRole("alert").textContent).toBe("This cannot be empty.");
    expect(cell.cards()[0]).toMatchObject({ name: "CSAT" });
  });
});
