/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoEvidence } from "@opencjm/server/testing";
import { hasChromium, launchChromium } from "./browser.js";
import { createDemoUser, startAppServer, until, type AppServer, type DemoUser } from "./pages/appServer.js";

/**
 * The editor's layout on laptop screens in every language: the top bar fits (nothing overflows, nothing clipped, one
 * line) and the funnel strip's stages sit exactly over their stage columns, scrolled and zoomed, left to right and
 * right to left. `LAYOUT_SHOTS=<folder>` also saves a screenshot of each language and width there, to look at.
 */
const LANGUAGES = ["en", "zh-Hant", "zh-Hans", "ru", "fa"] as const;
const WIDTHS = [1024, 1280] as const;
const DEMO_TITLE = "Lena buys running shoes online";
const SHOTS = process.env.LAYOUT_SHOTS;

/** What in the top bar overflows or is cut: elements reaching outside the bar, and text wider than its box. */
function topBarProblems(page: Page): Promise<string[]> {
  return page.getByTestId("editor-header").evaluate((header) => {
    const problems: string[] = [];
    const bar = header.getBoundingClientRect();
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}[${el.getAttribute("data-testid") ?? el.className}] "${(el.textContent ?? "").trim().slice(0, 30)}"`;
    if (header.scrollWidth > header.clientWidth + 1)
      problems.push(`the bar scrolls: ${header.scrollWidth} > ${header.clientWidth}`);
    const firstLine = (header.firstElementChild as HTMLElement).getBoundingClientRect();
    for (const child of Array.from(header.children)) {
      const box = child.getBoundingClientRect();
      if (box.width === 0) continue;
      // One line: every part of the bar shares the first one's band.
      if (box.top >= firstLine.bottom || box.bottom <= firstLine.top) problems.push(`${name(child)} wrapped`);
    }
    for (const el of Array.from(header.querySelectorAll<HTMLElement>("*"))) {
      const box = el.getBoundingClientRect();
      // Text kept for screen readers only (1 px, clipped) is meant to be out of sight.
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).visibility === "hidden") continue;
      if (box.left < bar.left - 1 || box.right > bar.right + 1) problems.push(`${name(el)} outside the bar`);
      const clips = ["hidden", "clip"].includes(getComputedStyle(el).overflowX) || el.tagName === "INPUT";
      if (clips && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${name(el)} cut: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return problems;
  });
}

/** Each funnel stage beside the stage header it should sit over (stage headers outside the view are not drawn). */
function funnelOffsets(page: Page): Promise<Array<{ stage: string; start: number; end: number }>> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-testid="funnel-stage"]')).flatMap((cell) => {
      const header = document.querySelector(`[data-testid="stage-header"][data-stage-id="${cell.dataset.stageId}"]`);
      if (!header) return [];
      const [a, b] = [cell.getBoundingClientRect(), header.getBoundingClientRect()];
      return [{ stage: cell.dataset.stageId!, start: a.left - b.left, end: a.right - b.right }];
    }),
  );
}

describe.skipIf(!hasChromium())("the editor on laptop screens, in every language", () => {
  let app: AppServer;
  let browser: Browser;
  const users = new Map<string, DemoUser & { mapId: string }>();
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await startAppServer();
    for (const code of LANGUAGES) {
      const user = await createDemoUser(app, {
        email: `layout-${code}@example.test`,
        name: "Robin Baker",
        locale: code,
      });
      await seedDemoEvidence(app.server.services, user.workspaceId, { customers: 200 });
      let mapId = "";
      for (const id of user.mapIds)
        if ((await app.server.services.maps.readSnapshot(id)).settings.title === DEMO_TITLE) mapId = id;
      users.set(code, { ...user, mapId });
    }
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
  });

  async function editorAt(code: string, width: number): Promise<Page> {
    const user = users.get(code)!;
    const context = await browser.newContext({ locale: code, viewport: { width, height: 800 }, deviceScaleFactor: 1 });
    contexts.push(context);
    context.setDefaultTimeout(20_000);
    await context.addCookies([{ name: "cjm_session", value: user.cookie, url: app.url }]);
    await context.addInitScript((lang) => {
      localStorage.setItem("opencjm.locale", lang);
      localStorage.setItem("opencjm.evidence.shown", "true");
    }, code);
    const page = await context.newPage();
    await page.goto(`${app.url}/w/${user.workspaceId}/maps/${user.mapId}`);
    await page.getByTestId("map-grid").waitFor();
    await page.getByTestId("funnel-stage").first().waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  }

  for (const code of LANGUAGES)
    it(`${code}: the top bar fits and the funnel lines up with the stages at 1024 and 1280 px`, async () => {
      for (const width of WIDTHS) {
        const page = await editorAt(code, width);
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/layout-${code}-${width}.png` });
        expect([width, await topBarProblems(page)]).toEqual([width, []]);
        // Whatever gave way is under "More"; the data switch and the presentation stay on the bar at 1280 px.
        const bar = page.getByTestId("editor-header");
        if (width === 1280)
          for (const tool of ["toggle-data", "present", "history-button"])
            expect([tool, await bar.getByTestId(tool).isVisible()]).toEqual([tool, true]);
        // Each tool once, on the bar or under "More".
        await page.getByTestId("more-tools").click();
        await page.getByTestId("more-tools-panel").waitFor();
        for (const tool of ["toggle-data", "comments-button", "present", "exchange-menu"])
          expect([tool, await page.getByTestId(tool).count()]).toEqual([tool, 1]);
        await page.keyboard.press("Escape");

        const aligned = async (when: string) => {
          const offsets = await funnelOffsets(page);
          expect(offsets.length, `${when}: stages compared`).toBeGreaterThan(0);
          for (const o of offsets) {
            expect(Math.abs(o.start), `${width} ${when} ${o.stage} start`).toBeLessThanOrEqual(1);
            expect(Math.abs(o.end), `${width} ${when} ${o.stage} end`).toBeLessThanOrEqual(1);
          }
        };
        await aligned("at first");
        // Scrolled sideways (towards the end of the journey in either direction), then zoomed out.
        const viewport = page.getByTestId("map-viewport");
        const scrolled = await viewport.evaluate((el) => {
          el.scrollBy({ left: getComputedStyle(el).direction === "rtl" ? -500 : 500 });
          return el.scrollLeft;
        });
        expect(Math.abs(scrolled)).toBeGreaterThan(0);
        await expect
          .poll(async () => (await funnelOffsets(page)).every((o) => Math.abs(o.start) <= 1), until)
          .toBe(true);
        await aligned("scrolled");
        await page.getByTestId("zoom-out").click();
        await expect.poll(async () => (await funnelOffsets(page)).every((o) => Math.abs(o.end) <= 1), until).toBe(true);
        await aligned("zoomed out");
        await page.context().close();
      }
    }, 180_000);

  for (const code of ["ru", "fa", "en"])
    it(`${code} at 1440 px: the toolbar keeps to one line with the data switch, history and presentation on it`, async () => {
      const page = await editorAt(code, 1440);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/layout-${code}-1440.png` });
      expect(await topBarProblems(page)).toEqual([]);
      for (const tool of ["toggle-data", "present", "history-button"])
        expect([tool, await page.getByTestId("editor-header").getByTestId(tool).isVisible()]).toEqual([tool, true]);
    }, 60_000);

  it("fa: the emotion axis is on the curve's side of the lane title, in Persian digits, nothing cut", async () => {
    const page = await editorAt("fa", 1280);
    const axis = page.getByTestId("emotion-axis");
    await axis.scrollIntoViewIfNeeded();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/layout-fa-emotion-axis.png` });
    const found = await axis.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const title = el.closest('[data-testid="lane-header"]')!.getBoundingClientRect();
      const ticks = Array.from(el.children).map((tick) => {
        const b = tick.getBoundingClientRect();
        return { text: (tick.textContent ?? "").trim(), inside: b.left >= box.left - 1 && b.right <= box.right + 1 };
      });
      // Right to left, the curve is on the left: the axis sits at the title's left edge.
      return { side: Math.round(box.left - title.left), ticks };
    });
    expect(found.side).toBeLessThanOrEqual(1);
    expect(found.ticks.length).toBeGreaterThan(2);
    for (const tick of found.ticks) {
      expect(tick.text).toMatch(/^[\u200e\u200f\u2212\-+]*[۰-۹]+$/u);
      expect([tick.text, tick.inside]).toEqual([tick.text, true]);
    }
    await page.context().close();
  }, 60_000);
});
