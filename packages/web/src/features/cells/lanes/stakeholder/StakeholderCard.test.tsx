// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";

afterEach(cleanup);

describe("stakeholder cards", () => {
  it("adds a person by name, then gives them a role", async () => {
    const cell = renderCell("stakeholders", { editing: true });
    await cell.user.keyboard("  Dana Lee {Enter}");
    await cell.user.type(screen.getByRole("textbox", { name: "Role" }), "Procurement{Enter}");
    expect(cell.cards()).toMatchObject([{ kind: "stakeholder", name: "Dana Lee", role: "Procurement" }]);
    await cell.user.keyboard("{Escape}");
    expect(screen.getByText("Dana Lee")).toBeTruthy();
    expect(screen.getByText("Procurement")).toBeTruthy();
  });
});
