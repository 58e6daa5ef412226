// @vitest-environment jsdom
import type { ActivityEntry } from "@opencjm/core";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import ActivityPage from "./ActivityPage.js";

const entry = (id: string, overrides: Partial<ActivityEntry>): ActivityEntry => ({
  id,
  workspaceId: "w1",
  mapId: null,
  actorId: "u1",
  actorName: "Ana",
  action: "map.created",
  data: {},
  createdAt: new Date().toISOString(),
  ...overrides,
});
const LOG = [
  entry("a3", { action: "map.renamed", mapId: "m1", data: { title: "Checkout 2", previousTitle: "Checkout" } }),
  entry("a2", {
    action: "member.invited",
    actorId: "u2",
    actorName: "Bo",
    data: { email: "c@example.test", role: "viewer" },
  }),
  entry("a1", { action: "map.created", mapId: "m1", data: { title: `<script>alert(1)</script>` } }),
];

/** A real HTTP server for the screen's requests, filtering the log as the API does; `asked` keeps the queries. */
let server: Server;
let asked: URLSearchParams[];
const realFetch = globalThis.fetch;

beforeEach(async () => {
  asked = [];
  server = createServer((req, res) => {
    const json = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/api/workspaces/w1/maps") return json([{ id: "m1", title: "Checkout 2" }]);
    if (url.pathname === "/api/workspaces/w1/members")
      return json([
        { userId: "u1", email: "a@example.test", name: "Ana", role: "owner", joinedAt: "" },
        { userId: "u2", email: "b@example.test", name: "Bo", role: "editor", joinedAt: "" },
      ]);
    if (url.pathname === "/api/workspaces/w1/activity") {
      asked.push(url.searchParams);
      const mapId = url.searchParams.get("mapId");
      const actorId = url.searchParams.get("actorId");
      const entries = LOG.filter((e) => (!mapId || e.mapId === mapId) && (!actorId || e.actorId === actorId));
      return json({ entries, nextCursor: null });
    }
    res.writeHead(404).end();
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

describe("ActivityPage", () => {
  it("says who did what, newest first, with names shown as typed, and filters by person", async () => {
    const user = userEvent.setup();
    const location = memoryLocation({ path: "/activity", record: true });
    renderWithI18n(
      <Router hook={location.hook}>
        <ActivityPage workspaceId="w1" />
      </Router>,
    );
    await waitFor(() => expect(screen.getAllByTestId("activity-entry")).toHaveLength(3));
    const texts = screen.getAllByTestId("activity-entry").map((li) => li.querySelector("span")?.textContent);
    expect(texts[0]).toMatch(/^Ana renamed the map “Checkout” to “Checkout 2”/);
    expect(texts[1]).toBe("Bo invited c@example.test as Viewer");
    expect(texts[2]).toMatch(/^Ana created the map “<script>alert\(1\)<\/script>”/);
    expect(document.querySelector("script")).toBeNull();
    await waitFor(() => expect(screen.getAllByRole("option", { name: "Bo" })).toHaveLength(1));
    await user.selectOptions(screen.getByTestId("activity-person-filter"), "u2");
    await waitFor(() => expect(screen.getAllByTestId("activity-entry")).toHaveLength(1));
    expect(asked.at(-1)?.get("actorId")).toBe("u2");
    expect(location.history?.at(-1)).toBe("/activity?person=u2");
  });

  it("opens on one map's activity from the address", async () => {
    const location = memoryLocation({ path: "/activity", searchPath: "map=m1" });
    renderWithI18n(
      <Router hook={location.hook} searchHook={location.searchHook}>
        <ActivityPage workspaceId="w1" />
      </Router>,
      "fa",
    );
    await waitFor(() => expect(screen.getAllByTestId("activity-entry")).toHaveLength(2));
    expect(asked[0]?.get("mapId")).toBe("m1");
    expect(screen.getByRole("heading", { name: "فعالیت‌ها" })).toBeTruthy();
  });
});
