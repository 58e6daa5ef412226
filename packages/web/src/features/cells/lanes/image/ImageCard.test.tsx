// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";

afterEach(cleanup);

const PIXEL =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

describe("image cards", () => {
  it("adds a picture from an https address the user gives, with alt text", async () => {
    const cell = renderCell("images", { editing: true });
    await cell.user.click(screen.getByRole("textbox", { name: /image address/ }));
    await cell.user.keyboard("https://example.com/shelf.jpg{Enter}");
    await cell.user.type(
      screen.getByRole("textbox", { name: "Description (alt text)" }),
      "The shelf at the store{Enter}",
    );
    await cell.user.keyboard("{Escape}");
    expect(cell.cards()).toMatchObject([
      { kind: "image", url: "https://example.com/shelf.jpg", alt: "The shelf at the store" },
    ]);
    const img = screen.getByRole("img", { name: "The shelf at the store" });
    expect([img.getAttribute("src"), img.getAttribute("referrerpolicy")]).toEqual([
      "https://example.com/shelf.jpg",
      "no-referrer",
    ]);
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
    fireEvent.change(screen.getByTestId("image-file"), {
      target: { files: [new File(["<svg onload=alert(1)>"], "x.txt", { type: "text/plain" })] },
    });
    expect((await screen.findByRole("alert")).textContent).toContain("not a picture");
    expect(cell.cards()).toEqual([]);
  });

  it("never loads a protocol-relative or foreign-scheme address stored in a card", () => {
    renderCell("images", { cards: [{ kind: "image", url: "//tracker.example/p.gif", alt: "x" }] });
    expect(screen.queryByRole("img", { name: "x" })).toBeNull();
    expect(screen.getByText("This picture cannot be shown")).toBeTruthy();
  });

  it("never loads an address on the app itself or on a loopback or private host, in the editor or any view", () => {
    const own = [
      "/api/workspaces/ws_1/maps/map_1/export?format=png",
      `${window.location.origin}/api/workspaces/ws_1/maps/map_1/export?format=pdf`,
      `${window.location.protocol}//${window.location.hostname}:9999/print/abc`,
      "http://127.0.0.1:3000/api/share/abc",
      "http://2130706433/api/health",
      "http://[::1]:3000/share/abc",
      "http://192.168.1.10/collab",
      "http://app.localhost/x.png",
    ];
    renderCell("images", { cards: own.map((url, i) => ({ kind: "image" as const, url, alt: `own ${i}` })) });
    expect(document.querySelectorAll("img")).toHaveLength(0);
    expect(screen.getAllByText("This picture cannot be shown")).toHaveLength(own.length);
  });

  it("refuses to add a picture from the app's own export address", async () => {
    const cell = renderCell("images", { editing: true });
    await cell.user.click(screen.getByRole("textbox", { name: /image address/ }));
    await cell.user.keyboard(`${window.location.origin}/api/workspaces/ws_1/maps/map_1/export?format=png{Enter}`);
    expect(screen.getByRole("alert").textContent).toContain("https://");
    expect(cell.cards()).toEqual([]);
  });

  it("says whose picture failed to load (as the exports' pictures from other sites do), with its caption", () => {
    renderCell("images", { cards: [{ kind: "image", url: "https://example.com/gone.jpg", alt: "Gone" }] });
    fireEvent.error(screen.getByRole("img", { name: "Gone" }));
    expect(screen.queryByRole("img", { name: "Gone" })).toBeNull();
    expect(screen.getByTestId("image-placeholder").textContent).toBe("Picture from example.com, not shown hereGone");
  });

  it("words that placeholder in the reader's language, Persian included", () => {
    renderCell("images", {
      locale: "fa",
      cards: [{ kind: "image", url: "https://pictures.example.test/shelf.jpg", alt: "قفسه" }],
    });
    fireEvent.error(screen.getByRole("img", { name: "قفسه" }));
    const placeholder = screen.getByTestId("image-placeholder");
    expect(placeholder.textContent).toBe("تصویر از pictures.example.test، اینجا نمایش داده نمی‌شودقفسه");
  });
});
