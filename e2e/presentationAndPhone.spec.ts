/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axeAudit.js";
import { launchChromium } from "./browser.js";
import { eventually, startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";

/** How far the page reaches past the window's width (0: nothing to scroll sideways). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);

// Each test gets a minute: a browser, the server and other test files share two cores.
describe("presenting a map and reading it on a phone", () => {
  let browser: Browser;
  let fx: EditorFixture;
  let mapId: string;
  let stages: string[];
  let token: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fx = await startEditorFixture();
    browser = await launchChromium();
    const persona = await fx.api<{ id: string }>(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/personas`, {
      name: "Mina",
    });
    mapId = await fx.createMap({ templateId: "awareness-to-advocacy", personaIds: [persona.id] });
    const { snapshot } = await fx.api<{
      snapshot: { stages: Array<{ id: string }>; steps: Array<{ id: string; stageId: string }> };
    }>(fx.owner, "GET", `/api/workspaces/${fx.workspaceId}/maps/${mapId}`);
    stages = snapshot.stages.map((s) => s.id);
    await fx.api(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/maps/${mapId}/operations`, {
      operations: [
        { op: "setEmotion", personaId: persona.id, stepId: snapshot.steps[0]!.id, value: 2, note: "Curious" },
        { op: "setEmotion", personaId: persona.id, stepId: snapshot.steps.at(-1)!.id, value: -2 },
      ],
    });
    token = (
      await fx.api<{ token: string }>(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/maps/${mapId}/share-links`, {
        label: "phone",
      })
    ).token;
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  async function openAs(
    locale: string,
    viewport: { width: number; height: number },
    path = `/w/${fx.workspaceId}/maps/${mapId}`,
  ): Promise<Page> {
    // bypassCSP: axe-core is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
    const context = await browser.newContext({ locale, viewport, bypassCSP: true });
    contexts.push(context);
    await context.addCookies([{ name: "cjm_session", value: fx.owner.cookie, url: fx.server.url }]);
    await context.addInitScript((code) => localStorage.setItem("opencjm.locale", code), locale);
    const page = await context.newPage();
    await page.goto(fx.server.url + path);
    return page;
  }

  it("reads the map on a 390 px phone as a list of stages, nothing wider than the screen, the links in a menu", async () => {
    const page = await openAs("ru", { width: 390, height: 844 });
    await page.getByTestId("reading-view").waitFor();
    expect(await page.getByTestId("map-grid").count()).toBe(0);
    await eventually(() => page.getByTestId("reading-stage").count()).toBe(stages.length);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    // Each stage and step lies within the screen, its name in a readable size.
    for (const box of await page
      .locator("[data-testid=reading-stage] h2, [data-testid=reading-step]")
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect)))
      expect([box.left >= 0, box.right <= 390]).toEqual([true, true]);
    const fontSize = await page
      .locator("[data-testid=reading-step] h3")
      .first()
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(14);
    expect(await page.getByTestId("reading-feeling").first().innerText()).toContain("Curious");
    // The main links are one tap away, in the top bar's menu.
    await page.getByTestId("compact-nav").click();
    await page.getByTestId("nav-data-compact").waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  }, 60_000);

  it("opens a share link on a phone in the same reading view", async () => {
    const page = await openAs("en-US", { width: 390, height: 844 }, `/share/${token}`);
    await page.getByTestId("reading-view").waitFor();
    await eventually(() => page.getByTestId("reading-stage").count()).toBe(stages.length);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  }, 60_000);

  it("presents the map full screen a stage at a time, moved by the keyboard, and Escape leaves", async () => {
    const page = await openAs("en-US", { width: 1440, height: 900 });
    const editor = new MapEditorPage(page);
    await editor.waitForGrid();
    await page.getByTestId("present").click();
    const show = page.getByTestId("presentation");
    await show.waitFor();
    const shown = () => show.getAttribute("data-stage-id");
    await eventually(shown).toBe(stages[0]);
    // The editing chrome is out of sight: what lies where the editor's bar was belongs to the presentation.
    const covered = await page.getByTestId("editor-header").evaluate((bar) => {
      const box = bar.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return !!top?.closest("[data-testid=presentation]");
    });
    expect(covered).toBe(true);
    expect(await show.getByTestId("header-menu").count()).toBe(0);
    await page.keyboard.press("PageDown");
    await eventually(shown).toBe(stages[1]);
    await page.keyboard.press("ArrowRight");
    await eventually(shown).toBe(stages[2]);
    await page.keyboard.press("PageUp");
    await eventually(shown).toBe(stages[1]);
    expect(await show.getByTestId("stage-header").allInnerTexts()).toHaveLength(1);
    await page.keyboard.press("Escape");
    await eventually(() => show.count()).toBe(0);
    await eventually(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    expect(await editor.grid.isVisible()).toBe(true);
  }, 60_000);

  it("keeps the Russian editor bar on one line at 1440 px", async () => {
    const page = await openAs("ru", { width: 1440, height: 900 });
    await new MapEditorPage(page).waitForGrid();
    const bar = page.getByTestId("editor-header");
    const [barBox, more] = [await bar.boundingBox(), await page.getByTestId("more-tools").boundingBox()];
    expect(barBox!.height).toBeLessThan(60);
    expect(more!.x + more!.width).toBeLessThanOrEqual(1440);
    expect(await bar.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  }, 60_000);

  it("has no serious or critical accessibility violations in the editor (axe-core)", async () => {
    const page = await openAs("en-US", { width: 1440, height: 900 });
    await new MapEditorPage(page).waitForGrid();
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await seriousViolations(page, "en editor")).toEqual([]);
  }, 60_000);
});
