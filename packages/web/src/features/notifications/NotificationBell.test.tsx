// @vitest-environment jsdom
import type { NotificationInfo } from "@opencjm/core";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { NotificationBell } from "./NotificationBell.js";

const HOSTILE = `<img src=x onerror="window.hacked=1">`;
const notification = (id: string, overrides: Partial<NotificationInfo> = {}): NotificationInfo => ({
  id,
  kind: "mention",
  workspaceId: "w1",
  workspaceName: "Shop team",
  actorId: "u2",
  actorName: "Bo",
  mapId: "m1",
  subjectId: "thr_1",
  data: { mapTitle: "Checkout", excerpt: HOSTILE },
  createdAt: new Date().toISOString(),
  readAt: null,
  ...overrides,
});

/**
 * A real HTTP server answering the bell's requests from a list of notifications it keeps; the browser's `fetch` is the
 * real one, pointed at it (jsdom has no origin for the app's relative paths, and its AbortSignal is not Node's).
 */
let server: Server;
let inbox: NotificationInfo[];
let emailMentions: boolean;
const realFetch = globalThis.fetch;

beforeEach(async () => {
  inbox = [
    notification("n1"),
    notification("n2", {
      kind: "import",
      actorId: null,
      actorName: null,
      mapId: null,
      data: { fileName: "a.csv", status: "failed" },
    }),
  ];
  emailMentions = true;
  server = createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const now = new Date().toISOString();
      if (req.url === "/api/notifications/unread-count")
        return json(200, { unread: inbox.filter((n) => !n.readAt).length });
      if (req.url?.startsWith("/api/notifications?")) return json(200, { notifications: inbox, nextCursor: null });
      if (req.url === "/api/notifications/read-all" && req.method === "POST") {
        const marked = inbox.filter((n) => !n.readAt).length;
        inbox = inbox.map((n) => ({ ...n, readAt: n.readAt ?? now }));
        return json(200, { marked });
      }
      if (req.url === "/api/notifications/settings") {
        if (req.method === "PATCH") emailMentions = (JSON.parse(body) as { emailMentions: boolean }).emailMentions;
        return json(200, { emailMentions });
      }
      json(404, { error: { code: "not_found", message: "no such path" } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  globalThis.fetch = (input, init) => realFetch(new URL(String(input), base), { ...init, signal: undefined });
});

afterEach(async () => {
  cleanup();
  globalThis.fetch = realFetch;
  await new Promise((resolve) => server.close(resolve));
});

describe("NotificationBell", () => {
  it("shows the unread count, lists the notifications as inert text, and marks them all read", async () => {
    const user = userEvent.setup();
    renderWithI18n(<NotificationBell />);
    expect((await screen.findByTestId("notification-count")).textContent).toBe("2");
    await user.click(screen.getByRole("button", { name: "Notifications, 2 unread" }));
    const panel = await screen.findByTestId("notification-panel");
    const items = await within(panel).findAllByTestId("notification-item");
    expect(items.map((i) => i.querySelector("span")?.textContent)).toEqual([
      "Bo mentioned you on “Checkout”",
      "The import of a.csv failed",
    ]);
    // The comment's words are shown as typed, never as markup.
    expect(within(panel).getByText(HOSTILE)).toBeTruthy();
    expect(panel.querySelector("img")).toBeNull();
    expect(items[0]?.querySelector("a")?.getAttribute("href")).toBe("/w/w1/maps/m1");
    await user.click(within(panel).getByRole("button", { name: "Mark all read" }));
    await waitFor(() => expect(screen.queryByTestId("notification-count")).toBeNull());
    expect(inbox.every((n) => n.readAt !== null)).toBe(true);
  });

  it("turns mention e-mails off from the panel, in the reader's language", async () => {
    const user = userEvent.setup();
    renderWithI18n(<NotificationBell />, "fa");
    await screen.findByTestId("notification-count");
    await user.click(screen.getByTestId("notification-bell"));
    const box = await screen.findByRole("checkbox", { name: "وقتی کسی از من نام می‌برد به من ایمیل بزن" });
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(true));
    await user.click(box);
    await waitFor(() => expect(emailMentions).toBe(false));
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(false));
  });
});
