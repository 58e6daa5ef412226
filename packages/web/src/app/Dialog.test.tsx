// @vitest-environment jsdom
import * as Popover from "@radix-ui/react-popover";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Dialog } from "./Dialog.js";
import { Menu, MenuItem } from "./Menu.js";
import { renderWithI18n } from "./testing/renderWithI18n.js";

afterEach(cleanup);

function Page() {
  const [open, setOpen] = useState(false);
  const [tools, setTools] = useState(false);
  return (
    <>
      <Popover.Root open={tools} onOpenChange={setTools}>
        <Popover.Trigger>Tools</Popover.Trigger>
        <Popover.Content aria-label="Tools">
          <button
            type="button"
            onClick={() => {
              setTools(false);
              setOpen(true);
            }}
          >
            Settings…
          </button>
        </Popover.Content>
      </Popover.Root>
      <button type="button" onClick={() => setOpen(true)}>
        Rename
      </button>
      <Menu label="More" testId="more">
        <MenuItem onSelect={() => setOpen(true)}>Rename…</MenuItem>
      </Menu>
      {open && (
        <Dialog title="Rename the map" onClose={() => setOpen(false)}>
          <input aria-label="Name" />
          <button type="button" onClick={() => setOpen(false)}>
            Save
          </button>
        </Dialog>
      )}
    </>
  );
}

describe("Dialog", () => {
  it("is labelled by its title, starts on its first field and keeps Tab inside", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Page />);
    await user.click(screen.getByRole("button", { name: "Rename" }));
    const dialog = screen.getByRole("dialog", { name: "Rename the map" });
    const name = screen.getByRole("textbox", { name: "Name" });
    await waitFor(() => expect(document.activeElement).toBe(name));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Save" }));
    await user.tab();
    expect(document.activeElement).toBe(name);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Save" }));
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it("closes on Escape and gives focus back to the button that opened it", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Page />);
    const opener = screen.getByRole("button", { name: "Rename" });
    await user.click(opener);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Name" })));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it("opened from a menu entry, gives focus back to the menu's button", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Page />);
    const menuButton = screen.getByTestId("more");
    menuButton.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Rename…"));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Name" })));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(menuButton));
  });

  it("opened from a popover's button, gives focus back to the popover's button (the entry is gone by then)", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Page />);
    const tools = screen.getByRole("button", { name: "Tools" });
    tools.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Settings…"));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Name" })));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(tools));
  });

  it("closes on a click on the backdrop", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Page />);
    await user.click(screen.getByRole("button", { name: "Rename" }));
    expect(screen.getByRole("dialog")).toBeTruthy();
    await user.click(document.querySelector("[data-state=open]:not([role=dialog])")!);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });
});
