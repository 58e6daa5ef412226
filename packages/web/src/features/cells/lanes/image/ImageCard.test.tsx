// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";

afterEach(cleanup);

const PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

describe("image cards", () => {
  it("adds a picture from an https address the user gives, with alt text", async () => {
    const cell = renderCell("images", { editing: true });
    await cell.user.click(screen.getByRole("textbox", { name: /image address/ }));
    await cell.user.keyboard("https://example.com/shelf.jpg{Enter}");
    await cell.user.type(screen.getByRole("textbox", { name: "Description (alt text)" }), "The shelf at the store{Enter}");
    await cell.user.keyboard("{Escape}");
    expect(cell.cards()).toMatchObject([{ kind: "image", url: "https://example.com/shelf.jpg", alt: "The shelf at the store" }]);
    const img = screen.getByRole("img", { name: "The shelf at the store" });
    expect([img.getAttribute("src"), img.getAttribute("referrerpolicy")]).toEqual(["https://example.com/shelf.jpg", "no-referrer"]);
  });

  it("shows an uploaded thumbnail stored in the card", () => {
    renderCell("images", { cards: [{ kind: "image", url: PIXEL, alt: "Dot" }] });
    expect(screen.getByRole("img", { name: "Dot" }).getAttribute("src")).toBe(PIXEL);
  });

  it("refuses a javascript: address and adds nothing", async () => {
    const cell = renderCell("images", { editing: true });
    await cell.user.click(screen.getByRole("textbox", { name: /image address/ }));
    await cell.user.keyboard("javascript:alert(1){Enter}");
    expect(screen.getByRole("alert").textContent).toContain("https://");
    expect(cell.cards()).toEqual([]);
  });

  it("says so when the uploaded file is not a picture", async () => {
    const cell = renderCell("images", { editing: true });
    // A file picked with "All files" in the dialog, past the accept filter.
    fireEvent.change(screen.getByTestId("image-file"), { target: { files: [new File(["<svg onload=alert(1)>"], "x.txt", { type: "text/plain" })] } });
    expect((await screen.findByRole("alert")).textContent).toContain("not a picture");
    expect(cell.cards()).toEqual([]);
  });

  it("never loads a protocol-relative or foreign-scheme address stored in a card", () => {
    renderCell("images", { cards: [{ kind: "image", url: "//tracker.example/p.gif", alt: "x" }] });
    expect(screen.queryByRole("img", { name: "x" })).toBeNull();
    expect(screen.getByText("This picture cannot be shown")).toBeTruthy();
  });
});
