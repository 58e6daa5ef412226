// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { Menu } from "./Menu.js";

afterEach(cleanup);

function renderMenu() {
  const picked: string[] = [];
  render(
    <>
      <Menu label="Actions" testId="m">
        {(close) => (
          <>
            <button type="button" onClick={() => (picked.push("open"), close())}>
              Open
            </button>
            <button type="button" onClick={() => (picked.push("copy"), close())}>
              Copy
            </button>
          </>
        )}
      </Menu>
      <p>outside</p>
    </>,
  );
  return picked;
}

describe("Menu", () => {
  it("opens on the first entry, moves with the arrow keys, picks with Enter and closes", async () => {
    const user = userEvent.setup();
    const picked = renderMenu();
    await user.click(screen.getByRole("button", { name: /Actions/ }));
    expect(document.activeElement?.textContent).toBe("Open");
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement?.textContent).toBe("Copy");
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement?.textContent).toBe("Open");
    await user.keyboard("{ArrowUp}{Enter}");
    expect(picked).toEqual(["copy"]);
    expect(screen.queryByTestId("m-panel")).toBeNull();
  });

  it("closes on Escape (focus back on its button) and on a click outside", async () => {
    const user = userEvent.setup();
    renderMenu();
    const button = screen.getByRole("button", { name: /Actions/ });
    await user.click(button);
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("m-panel")).toBeNull();
    expect(document.activeElement).toBe(button);
    await user.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    await user.click(screen.getByText("outside"));
    expect(screen.queryByTestId("m-panel")).toBeNull();
  });
});
