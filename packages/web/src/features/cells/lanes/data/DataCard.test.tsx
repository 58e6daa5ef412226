// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";

afterEach(cleanup);

describe("data cards", () => {
  it("are shown but not edited: edit mode offers no fields and no way to add", () => {
    const cell = renderCell("data", { editing: true, cards: [{ kind: "data", metric: "reach.count", note: "Customers reaching the step" }] });
    expect(screen.getByText("reach.count")).toBeTruthy();
    expect(screen.getByText("Customers reaching the step")).toBeTruthy();
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(cell.cards()).toHaveLength(1);
  });
});
