// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";
import { safeHref } from "./safeHref.js";

afterEach(cleanup);

describe("link cards", () => {
  it("adds an https link with a title and renders it as a safe external link", async () => {
    const cell = renderCell("links", { editing: true });
    await cell.user.keyboard("https://example.com/research/report.pdf{Enter}");
    await cell.user.type(screen.getByRole("textbox", { name: "Title" }), "Interview report{Enter}");
    await cell.user.keyboard("{Escape}");
    expect(cell.cards()).toMatchObject([
      { kind: "link", url: "https://example.com/research/report.pdf", title: "Interview report" },
    ]);
    const link = screen.getByRole("link", { name: "Interview report" });
    expect([link.getAttribute("href"), link.getAttribute("rel"), link.getAttribute("target")]).toEqual([
      "https://example.com/research/report.pdf",
      "noopener noreferrer",
      "_blank",
    ]);
  });

  it("refuses a javascript: address with a message and adds nothing", async () => {
    const cell = renderCell("links", { editing: true });
    await cell.user.keyboard("javascript:alert(document.cookie){Enter}");
    expect(screen.getByRole("alert").textContent).toBe("Enter a full web address starting with https:// or http://.");
    expect(cell.cards()).toEqual([]);
  });

  it("refuses changing a link to a non-web address", async () => {
    const cell = renderCell("links", { editing: true, cards: [{ kind: "link", url: "https://example.com" }] });
    const url = screen.getByRole("textbox", { name: "Web address" });
    await cell.user.clear(url);
    await cell.user.type(url, "data:text/html,<script>alert(1)</script>{Enter}");
    expect(screen.getByRole("alert").textContent).toContain("https://");
    expect(cell.cards()[0]).toMatchObject({ url: "https://example.com" });
  });

  it("never turns a stored non-http address into a link", () => {
    renderCell("links", { cards: [{ kind: "link", url: "/api/files/x", title: "Server path" }] });
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.getByText("Server path")).toBeTruthy();
    expect([safeHref("javascript:alert(1)"), safeHref("//evil.example"), safeHref(" https://ok.example/a ")]).toEqual([
      null,
      null,
      "https://ok.example/a",
    ]);
  });
});
