// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SessionProvider } from "../../app/SessionProvider.js";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import HomePage from "./HomePage.js";

const session = {
  user: { id: "u1", email: "ana@example.com", name: "Ana", locale: "en" },
  csrfToken: "csrf",
  workspaces: [{ id: "w1", name: "Shop team", role: "owner" }],
};

/**
 * A real HTTP server for the screen's requests: the session, the personas, and the maps, which fail with a 500 while
 * `mapsHealthy` is false. The browser's `fetch` is the real one, pointed at this server (jsdom has no origin to
 * resolve the app's relative paths against, and its AbortSignal is not Node's, so the signal is left out).
 */
let server: Server;
let mapsHealthy = false;
let mapRequests = 0;
const realFetch = globalThis.fetch;

beforeEach(async () => {
  mapsHealthy = false;
  mapRequests = 0;
  server = createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/api/auth/session") return json(200, session);
    if (req.url === "/api/workspaces/w1/personas") return json(200, []);
    if (req.url === "/api/workspaces/w1/maps") {
      mapRequests++;
      return mapsHealthy ? json(200, []) : json(500, { error: { code: "internal", message: "database down" } });
    }
    json(404, { error: { code: "not_found", message: "no such path" } });
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

describe("HomePage", () => {
  it("shows the shared failure view when the maps cannot be loaded, and the maps once Retry succeeds", async () => {
    const user = userEvent.setup();
    renderWithI18n(
      <SessionProvider>
        <HomePage workspaceId="w1" />
      </SessionProvider>,
    );
    const failure = await screen.findByRole("alert", {}, { timeout: 15_000 });
    expect(failure.textContent).toContain("Something went wrong");
    expect(failure.textContent).toContain("The server ran into a problem.");
    // A server error is asked again twice on its own before the screen gives up.
    expect(mapRequests).toBe(3);
    expect(screen.queryByRole("heading", { name: "Journey maps" })).toBeNull();

    mapsHealthy = true;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { name: "Journey maps" })).toBeTruthy();
    expect(screen.getByText(/No maps yet/)).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(mapRequests).toBe(4);
  }, 30_000);
});
