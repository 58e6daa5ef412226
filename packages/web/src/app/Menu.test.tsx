// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { Menu, MenuItem, MenuNote, MenuSeparator } from "./Menu.js";
import { renderWithI18n } from "./testing/renderWithI18n.js";

afterEach(cleanup);

function renderMenu() {
  const picked: string[] = [];
  renderWithI18n(
    <>
      <Menu label="Actions" testId="m">
        <MenuNote>Pick one</MenuNote>
        <MenuItem onSelect={() => picked.push("open")}>Open</MenuItem>
        <MenuSeparator />
        <MenuItem onSelect={() => picked.push("copy")}>Copy</MenuItem>
        <MenuItem onSelect={() => picked.push("delete")}>Delete</MenuItem>
      </Menu>
      <p>outside</p>
    </>,
  );
  return picked;
}

const focused = () => document.activeElement?.textContent;

describe("Menu", () => {
  it("opens from the keyboard on its first entry, moves with the arrow keys and picks with Enter", async () => {
    const user = userEvent.setup();
    const picked = renderMenu();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId("m"));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(focused()).toBe("Open"));
    expect(screen.getByRole("menu")).toBeTruthy();
    await user.keyboard("{ArrowDown}");
    expect(focused()).toBe("Copy");
    await user.keyboard("{ArrowUp}");
    expect(focused()).toBe("Open");
    await user.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    expect(picked).toEqual(["delete"]);
    expect(screen.queryByTestId("m-panel")).toBeNull();
  });

  it("jumps to the entry whose name is typed", async () => {
    const user = userEvent.setup();
    renderMenu();
    screen.getByTestId("m").focus();
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(focused()).toBe("Open"));
    await user.keyboard("d");
    expect(focused()).toBe("Delete");
  });

  it("closes on Escape with focus back on its button, and on a click outside", async () => {
    const user = userEvent.setup();
    const picked = renderMenu();
    const button = screen.getByTestId("m");
    await user.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("m-panel")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button));
    await user.click(button);
    expect(screen.getByTestId("m-panel")).toBeTruthy();
    await user.click(screen.getByText("outside"));
    await waitFor(() => expect(screen.queryByTestId("m-panel")).toBeNull());
    expect(picked).toEqual([]);
  });
});
