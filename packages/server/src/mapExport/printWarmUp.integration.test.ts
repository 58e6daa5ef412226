import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../commands/sessionCreator.js";
import { createUser } from "../commands/userCreator.js";
import { createWorkspace, setMemberRole } from "../commands/workspaceCreator.js";
import { loadConfig } from "../config.js";
import { startServer, type RunningServer } from "../startServer.js";
import { printRendererOf } from "./MapPrintRenderer.js";

// The export dialog asks the server to get ready (POST …/export/prepare) as it opens, so a newcomer's first PDF does
// not also wait for Chromium to start, the app to load and the map's fonts and layout to warm up: the server draws
// that map's print view, in the language and paper asked, in a tab it keeps. What the user must get from that: the
// export they then ask for, of their map, in their language, printed in that tab — and nothing of the warm-up in it.

describe("getting ready for an export", () => {
  let server: RunningServer;
  let dir: string;
  const headers: Record<"owner" | "reader" | "outsider", Record<string, string>> = {} as never;
  let workspaceId: string;
  let mapId: string;

  const signIn = async (email: string) => {
    const user = await createUser(server.services.db, { email, name: email, password: "warm up pw 1" });
    const session = await createSession(server.services.db, user.id, 3600_000);
    return {
      id: user.id,
      headers: {
        cookie: `cjm_session=${session.cookie}`,
        "x-csrf-token": session.csrfToken,
        "content-type": "application/json",
      },
    };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cjm-print-warm-"));
    server = await startServer(loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir }));
    const [owner, reader, outsider] = await Promise.all(
      ["owner", "reader", "outsider"].map((who) => signIn(`${who}@example.test`)),
    );
    Object.assign(headers, { owner: owner!.headers, reader: reader!.headers, outsider: outsider!.headers });
    workspaceId = (await createWorkspace(server.services.db, { name: "Warm", locale: "en", ownerId: owner!.id })).id;
    await setMemberRole(server.services.db, workspaceId, reader!.id, "viewer");
    const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/maps`, {
      method: "POST",
      headers: headers.owner,
      body: JSON.stringify({ templateId: "ecommerce", locale: "en", title: "Lighthouse tour booking" }),
    });
    expect(res.status).toBe(201);
    mapId = ((await res.json()) as { map: { id: string } }).map.id;
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const prepare = (who: keyof typeof headers, query = "", map = mapId) =>
    fetch(`${server.url}/api/workspaces/${workspaceId}/maps/${map}/export/prepare${query}`, {
      method: "POST",
      headers: headers[who],
    });

  /** Exports the map as a PDF and returns its text and number of pages. */
  const exportPdf = async (query: string) => {
    const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/maps/${mapId}/export?format=pdf&${query}`, {
      headers: headers.reader,
    });
    expect(res.status).toBe(200);
    const file = join(dir, "export.pdf");
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    return { text, pages: Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]) };
  };

  /** Export links left in the database (a warm-up's is deleted as soon as its view is drawn). */
  const exportLinks = async () =>
    (await server.services.db.kysely.selectFrom("share_links").select("id").where("purpose", "=", "export").execute())
      .length;

  it("draws the map in the language asked in a kept tab, and prints the next export in that tab", async () => {
    const renderer = printRendererOf(server.services);
    expect(renderer.tabsOpened).toBe(0);
    expect((await prepare("reader", "?format=pdf&lang=ru&paper=A3")).status).toBe(204);
    await renderer.settled();
    expect(renderer.tabsOpened).toBe(1);
    expect(await renderer.keptViews()).toEqual([{ title: "Lighthouse tour booking", lang: "ru" }]);
    expect(await exportLinks()).toBe(0);

    // The export asks for another language and paper: those, not the warm-up's, are what it prints.
    const { text, pages } = await exportPdf("lang=en&paper=A4&orientation=portrait");
    expect(text).toContain("Lighthouse tour booking");
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).not.toContain("Страница");
    expect(renderer.tabsOpened).toBe(1);
    expect(await renderer.keptViews()).toEqual([{ title: "Lighthouse tour booking", lang: "en" }]);
  });

  it("draws nothing more for the same view asked again, and opens no more tabs however often it is asked", async () => {
    const renderer = printRendererOf(server.services);
    expect((await prepare("reader", "?lang=zh-Hant")).status).toBe(204);
    // The dialog opened twice, and someone asking over and over: one warm-up, in the one kept tab.
    const again = await Promise.all(Array.from({ length: 6 }, () => prepare("reader", "?lang=zh-Hant")));
    expect(again.map((res) => res.status)).toEqual(Array(6).fill(204));
    await renderer.settled();
    expect(await renderer.keptViews()).toEqual([{ title: "Lighthouse tour booking", lang: "zh-Hant" }]);
    expect((await prepare("reader", "?lang=zh-Hant")).status).toBe(204);
    await renderer.settled();
    expect(renderer.tabsOpened).toBe(1);
    expect(await exportLinks()).toBe(0);
  });

  it("lets an export asked for while the browser starts load its view in the tab being made ready", async () => {
    const renderer = printRendererOf(server.services);
    // As after five idle minutes: no browser, no tab.
    await renderer.close();
    const opened = renderer.tabsOpened;
    expect((await prepare("owner", "?lang=fa")).status).toBe(204);
    const { text } = await exportPdf("lang=en");
    expect(text).toContain("Lighthouse tour booking");
    expect(text).not.toMatch(/[\u0600-\u06ff]/);
    await renderer.settled();
    expect(renderer.tabsOpened).toBe(opened + 1);
  });

  it("turns away a map that is not there and a caller who may not read the workspace, drawing nothing", async () => {
    const renderer = printRendererOf(server.services);
    await renderer.close();
    const opened = renderer.tabsOpened;
    expect((await prepare("reader", "?lang=zh-Hans", "map_doesnotexist0000000")).status).toBe(404);
    expect((await prepare("outsider", "?lang=zh-Hans")).status).toBe(404);
    expect(renderer.isBusy).toBe(false);
    await renderer.settled();
    expect(renderer.tabsOpened).toBe(opened);
    expect(await renderer.keptViews()).toEqual([]);
  });
});
