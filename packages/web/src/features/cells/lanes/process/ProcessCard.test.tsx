// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";

afterEach(cleanup);

describe("process cards (frontstage, backstage, support)", () => {
  it("stores the step, who does it, and failure and wait points, and marks them in the display", async () => {
    const cell = renderCell("backstage", { editing: true });
    await cell.user.keyboard("Warehouse picks the order{Enter}");
    await cell.user.type(screen.getByRole("textbox", { name: "Who does it" }), "Warehouse{Enter}");
    await cell.user.click(screen.getByRole("checkbox", { name: "Failure point" }));
    await cell.user.click(screen.getByRole("checkbox", { name: "Wait point" }));
    expect(cell.cards()).toMatchObject([
      { kind: "process", text: "Warehouse picks the order", actor: "Warehouse", failurePoint: true, waitPoint: true },
    ]);
    await cell.user.keyboard("{Escape}");
    const display = screen.getByTestId("cell-lane-cart");
    expect([...display.querySelectorAll("[data-marker]")].map((m) => m.textContent)).toEqual([
      "Failure point",
      "Wait point",
    ]);
  });

  it("shows no markers on an ordinary step", () => {
    renderCell("frontstage", { cards: [{ kind: "process", text: "Greets the customer" }] });
    expect(screen.getByTestId("cell-lane-cart").querySelector("[data-marker]")).toBeNull();
  });
});
