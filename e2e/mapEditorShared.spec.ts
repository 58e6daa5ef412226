/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { eventually, startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";

describe("read-only views of a shared map", () => {
  let browser: Browser;
  let fx: EditorFixture;
  let mapId: string;
  let token: string;
  let linkId: string;
  let personaId: string;
  let steps: string[];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fx = await startEditorFixture();
    browser = await launchChromium();
    personaId = (
      await fx.api<{ id: string }>(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/personas`, { name: "Mina" })
    ).id;
    mapId = await fx.createMap({ templateId: "awareness-to-advocacy", personaIds: [personaId] });
    const { snapshot } = await fx.api<{ snapshot: { steps: Array<{ id: string }> } }>(
      fx.owner,
      "GET",
      `/api/workspaces/${fx.workspaceId}/maps/${mapId}`,
    );
    steps = snapshot.steps.map((s) => s.id);
    await fx.api(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/maps/${mapId}/operations`, {
      operations: [
        { op: "updateSettings", settings: { title: "Checkout <script>alert(1)</script>" } },
        { op: "setEmotion", personaId, stepId: steps[0], value: 2 },
        { op: "setEmotion", personaId, stepId: steps.at(-1), value: -2 },
      ],
    });
    const created = await fx.api<{ token: string; link: { id: string } }>(
      fx.owner,
      "POST",
      `/api/workspaces/${fx.workspaceId}/maps/${mapId}/share-links`,
      { label: "stakeholders" },
    );
    token = created.token;
    linkId = created.link.id;
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  /** A visitor without an account. */
  async function visit(path: string, locale = "en-US"): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(fx.server.url + path);
    return page;
  }

  it("shows the map to anyone with the link: title as text, the grid and curve, no way to edit, a language switcher", async () => {
    const page = await visit(`/share/${token}`);
    const view = new MapEditorPage(page);
    await view.waitForGrid();
    expect(await page.getByTestId("map-title").innerText()).toBe("Checkout <script>alert(1)</script>");
    expect(await page.locator("script:not([src])").count()).toBe(0);
    expect(await view.stageIds()).toHaveLength(6);
    await eventually(() => view.emotionPoint(personaId, steps[0]!).getAttribute("data-value")).toBe("2");
    expect(await page.getByTestId("header-menu").count()).toBe(0);
    expect(await page.getByTestId("add-lane").count()).toBe(0);
    expect(await view.emotionGhost(personaId, steps[1]!).count()).toBe(0);
    const lane = await view.laneIdOfType("actions");
    await view.cell(lane, steps[0]!).click();
    await page.keyboard.press("Enter");
    expect(await view.cell(lane, steps[0]!).getAttribute("data-editing")).toBeNull();
    await page.getByTestId("language").selectOption("fa");
    await eventually(() => page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    const [first, second] = await view.stageIds();
    expect((await view.stageHeader(first!).boundingBox())!.x).toBeGreaterThan(
      (await view.stageHeader(second!).boundingBox())!.x,
    );
  });

  it("embeds without chrome and links out to the full share page", async () => {
    const page = await visit(`/embed/${token}`);
    await new MapEditorPage(page).waitForGrid();
    expect(await page.getByTestId("language").count()).toBe(0);
    const link = page.getByTestId("open-full-map");
    expect(await link.getAttribute("href")).toBe(`/share/${token}`);
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
  });

  it("lays out the print view in the language asked for and says when it is ready to print", async () => {
    const page = await visit(`/print/${token}?lang=fa&paper=A4&orientation=portrait`);
    await eventually(() => page.evaluate(() => document.documentElement.dataset.printReady)).toBe("true");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fa");
    expect(await page.locator("style").evaluateAll((els) => els.map((e) => e.textContent).join(" "))).toContain(
      "size: A4 portrait",
    );
    // Ten steps do not fit an A4 portrait page legibly: the map is split across pages, each with its title.
    const pages = page.getByTestId("print-page");
    expect(await pages.count()).toBeGreaterThan(1);
    expect(await pages.first().locator("h1").innerText()).toContain("Checkout <script>alert(1)</script>");
    const stages = page.getByTestId("print-page").first().getByTestId("stage-header");
    expect((await stages.nth(0).boundingBox())!.x).toBeGreaterThan((await stages.nth(1).boundingBox())!.x);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("prints on one page the size of the map with paper=fit", async () => {
    const page = await visit(`/print/${token}?paper=fit`);
    await eventually(() => page.evaluate(() => document.documentElement.dataset.printReady)).toBe("true");
    expect(await page.getByTestId("print-page").count()).toBe(1);
    expect(await page.locator("style").evaluateAll((els) => els.map((e) => e.textContent).join(" "))).toMatch(
      /size: \d+px \d+px/,
    );
  });

  it("says plainly when a link was revoked", async () => {
    await fx.api(fx.owner, "DELETE", `/api/workspaces/${fx.workspaceId}/maps/${mapId}/share-links/${linkId}`);
    const page = await visit(`/share/${token}`);
    const error = page.getByTestId("map-load-error");
    await error.waitFor();
    expect(await error.innerText()).toContain("This share link does not work");
  });
});
