/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { eventually, startEditorFixture, type EditorFixture, type FixtureUser } from "./mapEditorFixture.js";

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };

/** How far the page reaches past the window's width (0: nothing to scroll sideways). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);

// Each test gets a minute: a browser, the server and other test files share two cores.
describe("reading a map on phones and tablets, and presenting it", () => {
  let browser: Browser;
  let fx: EditorFixture;
  let mapId: string;
  let stages: string[];
  let token: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fx = await startEditorFixture();
    browser = await launchChromium();
    mapId = await fx.createMap({ templateId: "awareness-to-advocacy" });
    const { snapshot } = await fx.api<{
      snapshot: {
        stages: Array<{ id: string }>;
        steps: Array<{ id: string; stageId: string }>;
        lanes: Array<{ id: string; type: string }>;
      };
    }>(fx.owner, "GET", `/api/workspaces/${fx.workspaceId}/maps/${mapId}`);
    stages = snapshot.stages.map((s) => s.id);
    const lane = (type: string) => snapshot.lanes.find((l) => l.type === type)!.id;
    const firstStep = (stageId: string) => snapshot.steps.find((s) => s.stageId === stageId)!.id;
    // The first stage gets a pain and an opportunity (a short slide); the second a pile of pains (taller than a screen).
    const pain = (stepId: string, text: string) => ({
      op: "addCard",
      laneId: lane("painPoints"),
      stepId,
      card: { kind: "painPoint", text, severity: 3 },
    });
    await fx.api(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/maps/${mapId}/operations`, {
      operations: [
        pain(firstStep(stages[0]!), "Ads all look the same"),
        {
          op: "addCard",
          laneId: lane("opportunities"),
          stepId: firstStep(stages[0]!),
          card: { kind: "opportunity", text: "Show real customers" },
        },
        ...Array.from({ length: 12 }, (_, i) =>
          pain(firstStep(stages[1]!), `Pain ${i + 1}: the comparison page is hard to read on a small screen`),
        ),
      ],
    });
    token = (
      await fx.api<{ token: string }>(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/maps/${mapId}/share-links`, {
        label: "small screens",
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

  async function open(
    path: string,
    viewport: { width: number; height: number },
    user: FixtureUser | null = null,
  ): Promise<Page> {
    const context = await browser.newContext({ locale: "en-US", viewport });
    contexts.push(context);
    if (user) await context.addCookies([{ name: "cjm_session", value: user.cookie, url: fx.server.url }]);
    // Records which element asked for full screen, whether or not the headless browser grants it.
    await context.addInitScript(() => {
      const ask = Element.prototype.requestFullscreen;
      Element.prototype.requestFullscreen = function (this: Element, options?: FullscreenOptions) {
        document.documentElement.dataset.fullscreenAsked = this.getAttribute("data-testid") ?? this.tagName;
        return ask.call(this, options);
      };
    });
    const page = await context.newPage();
    await page.goto(fx.server.url + path);
    return page;
  }

  /** Switches between the list and the full map with the page's own switch, and checks what is shown. */
  async function switchesToTheMapAndBack(page: Page): Promise<void> {
    const toggle = page.getByTestId("reading-mode-switch");
    expect(await toggle.getAttribute("data-reading")).toBe("true");
    await toggle.click();
    await page.getByTestId("map-grid").waitFor();
    expect(await page.getByTestId("reading-view").count()).toBe(0);
    expect(await toggle.getAttribute("data-reading")).toBe("false");
    await toggle.click();
    await page.getByTestId("reading-view").waitFor();
    expect(await page.getByTestId("map-grid").count()).toBe(0);
  }

  it("opens an embed on a phone as a list of stages, nothing wider than the screen, with a switch to the map", async () => {
    const page = await open(`/embed/${token}`, PHONE);
    await page.getByTestId("embedded-map").waitFor();
    await page.getByTestId("reading-view").waitFor();
    expect(await page.getByTestId("map-grid").count()).toBe(0);
    await eventually(() => page.getByTestId("reading-stage").count()).toBe(stages.length);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await page.getByTestId("open-full-map").isVisible()).toBe(true);
    await switchesToTheMapAndBack(page);
  }, 60_000);

  it("opens a share link on a 768 × 1024 tablet as a list of stages, with a switch to the full map", async () => {
    const page = await open(`/share/${token}`, TABLET);
    await page.getByTestId("shared-map").waitFor();
    await page.getByTestId("reading-view").waitFor();
    await eventually(() => page.getByTestId("reading-stage").count()).toBe(stages.length);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await switchesToTheMapAndBack(page);
  }, 60_000);

  it("gives an editor on a tablet the grid to edit in, and a viewer the list; both can switch", async () => {
    const editing = await open(`/w/${fx.workspaceId}/maps/${mapId}`, TABLET, fx.owner);
    await editing.getByTestId("map-grid").waitFor();
    expect(await editing.getByTestId("map-editor").getAttribute("data-read-only")).toBeNull();
    expect(await editing.getByTestId("reading-view").count()).toBe(0);
    // The switch is on the editor's bar, or under "More" when the bar has given way.
    await editing.getByTestId("more-tools").waitFor();
    if ((await editing.getByTestId("reading-mode-switch").count()) === 0)
      await editing.getByTestId("more-tools").click();
    const toggle = editing.getByTestId("reading-mode-switch");
    expect(await toggle.getAttribute("data-reading")).toBe("false");
    await toggle.click();
    await editing.getByTestId("reading-view").waitFor();
    await eventually(() => editing.getByTestId("reading-stage").count()).toBe(stages.length);

    const viewing = await open(`/w/${fx.workspaceId}/maps/${mapId}`, TABLET, fx.viewer);
    await viewing.getByTestId("reading-view").waitFor();
    await eventually(() => viewing.getByTestId("reading-stage").count()).toBe(stages.length);
    expect(await viewing.getByTestId("map-grid").count()).toBe(0);
  }, 60_000);

  /** Where the presented slide's cells lie, and the room the presentation gives it. */
  const slideLayout = (page: Page) =>
    page.getByTestId("presentation").evaluate((show) => {
      const area = show.querySelector("main")!.getBoundingClientRect();
      const cells = Array.from(show.querySelectorAll("[role=grid] [role=row] > *")).map((c) =>
        c.getBoundingClientRect(),
      );
      return {
        area: { top: area.top, bottom: area.bottom, left: area.left, right: area.right },
        width: Math.max(...cells.map((c) => c.right)) - Math.min(...cells.map((c) => c.left)),
        height: Math.max(...cells.map((c) => c.bottom)) - Math.min(...cells.map((c) => c.top)),
        bottom: Math.max(...cells.map((c) => c.bottom)),
        right: Math.max(...cells.map((c) => c.right)),
        left: Math.min(...cells.map((c) => c.left)),
        zoom: Number(show.querySelector("main")!.getAttribute("data-zoom")),
      };
    });

  it("presents full screen, each stage fitted to the screen's width and height, moved by Space, Home and End", async () => {
    const page = await open(`/w/${fx.workspaceId}/maps/${mapId}`, { width: 1280, height: 800 }, fx.owner);
    await page.getByTestId("map-grid").waitFor();
    await page.getByTestId("present").click();
    const show = page.getByTestId("presentation");
    await show.waitFor();
    // Full screen was asked for on the presentation, and the browser put it there.
    expect(await page.evaluate(() => document.documentElement.dataset.fullscreenAsked)).toBe("presentation");
    await eventually(() => page.evaluate(() => document.fullscreenElement?.getAttribute("data-testid"))).toBe(
      "presentation",
    );
    const shown = () => show.getAttribute("data-stage-id");
    await eventually(shown).toBe(stages[0]);

    await page.keyboard.press("End");
    await eventually(shown).toBe(stages.at(-1));
    await page.keyboard.press("Home");
    await eventually(shown).toBe(stages[0]);
    for (const [i, stage] of stages.entries()) {
      if (i > 0) await page.keyboard.press(" ");
      await eventually(shown).toBe(stage);
      const slide = await slideLayout(page);
      // Every lane is on screen: nothing below the fold or past the edge.
      expect([stage, slide.bottom <= slide.area.bottom + 1, slide.right <= slide.area.right + 1]).toEqual([
        stage,
        true,
        true,
      ]);
      // And the slide fills the screen across or down (unless it is already at the largest zoom).
      const fills =
        slide.width >= 0.9 * (slide.area.right - slide.area.left) ||
        slide.height >= 0.9 * (slide.area.bottom - slide.area.top) ||
        slide.zoom >= 2;
      expect([stage, fills, slide]).toEqual([stage, true, slide]);
    }
    // Space at the last stage stays there.
    await page.keyboard.press(" ");
    expect(await shown()).toBe(stages.at(-1));
    await page.keyboard.press("Escape");
    await eventually(() => show.count()).toBe(0);
    await eventually(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  }, 60_000);
});
