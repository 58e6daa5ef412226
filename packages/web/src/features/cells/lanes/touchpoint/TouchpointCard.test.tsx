// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";

afterEach(cleanup);

describe("touchpoint cards", () => {
  it("picks a touchpoint by searching its channel, with the keyboard, and shows channel icon and markers", async () => {
    const cell = renderCell("touchpoints", { editing: true });
    const search = screen.getByRole("combobox", { name: "Add a touchpoint: search…" });
    expect(document.activeElement).toBe(search);
    await cell.user.keyboard("store");
    const options = screen.getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["Store counter"]);
    await cell.user.keyboard("{Enter}");
    expect(cell.cards()).toMatchObject([{ kind: "touchpoint", touchpointId: "tp_counter", note: "" }]);
    await cell.user.type(screen.getByRole("textbox", { name: "Note" }), "Asks for the receipt{Enter}");
    await cell.user.keyboard("{Escape}{Escape}");
    const shown = within(screen.getByTestId("cell-lane-cart"));
    expect(shown.getByText("Store counter")).toBeTruthy();
    expect(shown.getByText("Asks for the receipt")).toBeTruthy();
    expect(shown.getByRole("img", { name: "Offline" })).toBeTruthy();
    expect(shown.getByRole("img", { name: "Physical" })).toBeTruthy();
    expect(screen.getByTestId("cell-lane-cart").querySelector("[data-icon]")?.getAttribute("data-icon")).toBe("store");
  });

  it("moves through matches with the arrow keys", async () => {
    const cell = renderCell("touchpoints", { editing: true });
    await cell.user.keyboard("{ArrowDown}{Enter}");
    expect(cell.cards()).toMatchObject([{ touchpointId: "tp_counter" }]);
  });

  it("changes the touchpoint of a card", async () => {
    const cell = renderCell("touchpoints", {
      editing: true,
      cards: [{ kind: "touchpoint", touchpointId: "tp_pricing" }],
    });
    await cell.user.click(screen.getByRole("button", { name: "Change" }));
    await cell.user.keyboard("counter{Enter}");
    expect(cell.cards()).toMatchObject([{ touchpointId: "tp_counter" }]);
  });

  it("offers to create a touchpoint that is not in the catalogue when the workspace is known", async () => {
    const cell = renderCell("touchpoints", { editing: true, workspaceId: "ws1" });
    await cell.user.keyboard("Delivery SMS");
    expect(screen.getByRole("option", { name: "Create touchpoint “Delivery SMS”" })).toBeTruthy();
    await cell.user.keyboard("{Enter}");
    const form = screen.getByRole("form", { name: "New touchpoint" });
    expect((within(form).getByRole("textbox", { name: "Name" }) as HTMLInputElement).value).toBe("Delivery SMS");
    await cell.user.selectOptions(within(form).getByRole("combobox", { name: "Channel" }), "store");
    expect((within(form).getByRole("radio", { name: "Physical" }) as HTMLInputElement).checked).toBe(true);
    await cell.user.keyboard("{Escape}");
    expect(screen.queryByRole("form")).toBeNull();
    expect(cell.stops()).toBe(0);
  });

  it("says so when a card's touchpoint was deleted from the catalogue", () => {
    renderCell("touchpoints", { cards: [{ kind: "touchpoint", touchpointId: "tp_gone", note: "<b>kept</b>" }] });
    expect(screen.getByText("Touchpoint no longer in the catalogue")).toBeTruthy();
    expect(screen.getByText("<b>kept</b>")).toBeTruthy();
  });
});
