// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";

afterEach(cleanup);

describe("risk cards", () => {
  it("adds a risk at medium likelihood and impact, raises both, and shows a high exposure", async () => {
    const cell = renderCell("risks", { editing: true });
    await cell.user.keyboard("Payment provider outage{Enter}");
    expect(cell.cards()).toMatchObject([{ kind: "risk", likelihood: "medium", impact: "medium" }]);
    await cell.user.selectOptions(screen.getByRole("combobox", { name: "Likelihood" }), "high");
    await cell.user.selectOptions(screen.getByRole("combobox", { name: "Impact" }), "high");
    expect(cell.cards()[0]).toMatchObject({ likelihood: "high", impact: "high" });
    await cell.user.keyboard("{Escape}");
    expect(screen.getByText("Likelihood: High").closest("[data-exposure]")?.getAttribute("data-exposure")).toBe("high");
  });

  it("speaks Chinese levels", () => {
    renderCell("risks", {
      locale: "zh-Hant",
      cards: [{ kind: "risk", text: "缺貨", likelihood: "low", impact: "high" }],
    });
    expect(screen.getByText("可能性：低")).toBeTruthy();
    expect(screen.getByText("影響：高")).toBeTruthy();
  });
});
