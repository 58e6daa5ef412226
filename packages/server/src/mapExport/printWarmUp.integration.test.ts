import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../commands/sessionCreator.js";
import { createUser } from "../commands/userCreator.js";
import { createWorkspace } from "../commands/workspaceCreator.js";
import { loadConfig } from "../config.js";
import { startServer, type RunningServer } from "../startServer.js";
import { printRendererOf } from "./MapPrintRenderer.js";

// The export dialog asks the server to get ready (POST …/export/prepare) as it opens, so a newcomer's first PDF does
// not also wait for Chromium to start and the app to load. What the user must get from that: the export they then
// ask for, of their map, printed in the tab that was made ready — and nothing of the warm-up page in it.

describe("getting ready for an export", () => {
  let server: RunningServer;
  let dir: string;
  let headers: Record<string, string>;
  let workspaceId: string;
  let mapId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cjm-print-warm-"));
    server = await startServer(loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir }));
    const user = await createUser(server.services.db, {
      email: "warm@example.test",
      name: "Warm",
      password: "warm pw 1",
    });
    const session = await createSession(server.services.db, user.id, 3600_000);
    headers = {
      cookie: `cjm_session=${session.cookie}`,
      "x-csrf-token": session.csrfToken,
      "content-type": "application/json",
    };
    workspaceId = (await createWorkspace(server.services.db, { name: "Warm", locale: "en", ownerId: user.id })).id;
    const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/maps`, {
      method: "POST",
      headers,
      body: JSON.stringify({ templateId: "ecommerce", locale: "en", title: "Lighthouse tour booking" }),
    });
    expect(res.status).toBe(201);
    mapId = ((await res.json()) as { map: { id: string } }).map.id;
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const prepare = (map: string) =>
    fetch(`${server.url}/api/workspaces/${workspaceId}/maps/${map}/export/prepare`, { method: "POST", headers });

  /** Exports the map as a PDF and returns its text and number of pages. */
  const exportPdf = async () => {
    const res = await fetch(
      `${server.url}/api/workspaces/${workspaceId}/maps/${mapId}/export?format=pdf&paper=A4&orientation=landscape`,
      { headers },
    );
    expect(res.status).toBe(200);
    const file = join(dir, "export.pdf");
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    return { text, pages: Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]) };
  };

  it("opens a tab with the print view before any export, and prints the next export in it", async () => {
    const renderer = printRendererOf(server.services);
    expect(renderer.tabsOpened).toBe(0);
    expect((await prepare(mapId)).status).toBe(204);
    // Joins the warm-up under way (the one the request started), or returns at once when it is done.
    await renderer.warm(server.url);
    expect(renderer.tabsOpened).toBe(1);

    const { text, pages } = await exportPdf();
    expect(text).toContain("Lighthouse tour booking");
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(renderer.tabsOpened).toBe(1);

    // Ready already: asking again opens nothing.
    expect((await prepare(mapId)).status).toBe(204);
    await renderer.warm(server.url);
    expect(renderer.tabsOpened).toBe(1);
  });

  it("makes an export asked for at once wait for the tab being made ready rather than load the app twice", async () => {
    const renderer = printRendererOf(server.services);
    // As after five idle minutes: no browser, no tab.
    await renderer.close();
    const opened = renderer.tabsOpened;
    expect((await prepare(mapId)).status).toBe(204);
    // The dialog opened twice: still one warm-up.
    expect((await prepare(mapId)).status).toBe(204);
    const { text } = await exportPdf();
    expect(text).toContain("Lighthouse tour booking");
    expect(renderer.tabsOpened).toBe(opened + 1);
  });

  it("turns away a map that is not there", async () => {
    const res = await prepare("map_doesnotexist0000000");
    expect(res.status).toBe(404);
  });
});
