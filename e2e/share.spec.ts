/// <reference lib="dom" />
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";
import { ExchangeDialogs } from "./pages/ExchangeDialogs.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";

describe("read-only share links in a real browser", () => {
  let browser: Browser;
  let fx: EditorFixture;
  let mapId: string;
  let stageNames: string[];
  let otherSite: Server;
  let otherOrigin: string;
  const pages: Page[] = [];

  beforeAll(async () => {
    fx = await startEditorFixture();
    browser = await launchChromium();
    const persona = await fx.api<{ id: string }>(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/personas`, {
      name: "Lena <b>Fischer</b>",
    });
    mapId = await fx.createMap({ templateId: "ecommerce", personaIds: [persona.id] });
    const map = await fx.api<{ snapshot: { stages: Array<{ name: string }> } }>(
      fx.owner,
      "GET",
      `/api/workspaces/${fx.workspaceId}/maps/${mapId}`,
    );
    stageNames = map.snapshot.stages.map((s) => s.name);
    // Another web site (another origin) that embeds maps in its own page.
    otherSite = createServer((req, res) => {
      const src = new URL(req.url ?? "/", "http://x").searchParams.get("src") ?? "";
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><title>Partner page</title><h1>Our customers</h1><iframe id="map" src="${src.replace(/"/g, "")}" width="1000" height="600"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => otherSite.listen(0, "127.0.0.1", resolve));
    // "localhost" is another origin than the app's 127.0.0.1 even on the same machine.
    otherOrigin = `http://localhost:${(otherSite.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.context().close();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => otherSite?.close(() => resolve()));
    await browser?.close();
    await fx?.close();
  });

  async function editorPage(): Promise<Page> {
    const page = await (await fx.context(browser, fx.owner)).newPage();
    pages.push(page);
    await new MapEditorPage(page).open(fx.server.url, fx.workspaceId, mapId);
    return page;
  }
  async function anonymousPage(): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1300, height: 900 } })).newPage();
    pages.push(page);
    return page;
  }

  it("an editor creates a link; someone without an account sees the map read-only, and nothing else", async () => {
    const dialogs = new ExchangeDialogs(await editorPage());
    await dialogs.openShare();
    const { url, embed } = await dialogs.createLink("For the board");
    expect(url).toMatch(new RegExp(`^${fx.server.url}/share/cjs_[\\w-]+$`));
    expect(embed).toContain(`/embed/${url.split("/share/")[1]}`);
    await expect.poll(() => dialogs.page.getByTestId("share-link").count()).toBe(1);
    expect(await dialogs.page.getByTestId("share-link").innerText()).toContain("For the board");

    const visitor = await anonymousPage();
    await visitor.goto(url);
    await visitor.getByTestId("shared-map").waitFor();
    const text = await visitor.getByTestId("shared-map").innerText();
    for (const stage of stageNames) expect(text).toContain(stage);
    expect(
      await visitor.locator("[contenteditable=true], textarea, input:not([type=range]):not([type=search])").count(),
    ).toBe(0);
    expect(await visitor.getByTestId("exchange-menu").count()).toBe(0);
    // The workspace stays closed: its maps list answers 401 to this visitor.
    const listed = await visitor.evaluate(
      async (ws) => (await fetch(`/api/workspaces/${ws}/maps`)).status,
      fx.workspaceId,
    );
    expect(listed).toBe(401);
  });

  it("a revoked link stops working at once", async () => {
    const dialogs = new ExchangeDialogs(await editorPage());
    const dialog = await dialogs.openShare();
    const { url } = await dialogs.createLink("Temporary");
    const visitor = await anonymousPage();
    await visitor.goto(url);
    await visitor.getByTestId("shared-map").waitFor();
    const row = dialog.getByTestId("share-link").filter({ hasText: "Temporary" });
    await row.getByTestId("share-revoke").click();
    await expect.poll(() => dialog.getByTestId("share-link").filter({ hasText: "Temporary" }).count()).toBe(0);
    await visitor.reload();
    await visitor.getByTestId("map-load-error").waitFor();
    expect(await visitor.getByTestId("shared-map").count()).toBe(0);
  });

  it("another site can embed the map in an iframe, but not the share page or the app", async () => {
    const created = await fx.api<{ token: string }>(
      fx.owner,
      "POST",
      `/api/workspaces/${fx.workspaceId}/maps/${mapId}/share-links`,
      { label: "Partner" },
    );
    const visitor = await anonymousPage();
    const blocked: string[] = [];
    visitor.on("console", (m) => m.text().includes("frame-ancestors") && blocked.push(m.text()));
    await visitor.goto(`${otherOrigin}/?src=${encodeURIComponent(`${fx.server.url}/embed/${created.token}`)}`);
    const frame = visitor.frameLocator("#map");
    await frame.getByTestId("embedded-map").waitFor();
    expect(await frame.getByTestId("embedded-map").innerText()).toContain(stageNames[0]!);
    expect(await frame.getByTestId("open-full-map").getAttribute("href")).toBe(`/share/${created.token}`);

    await visitor.goto(`${otherOrigin}/?src=${encodeURIComponent(`${fx.server.url}/share/${created.token}`)}`);
    await expect.poll(() => blocked.length).toBeGreaterThan(0);
    expect(await visitor.frameLocator("#map").getByTestId("shared-map").count()).toBe(0);
  });
});
