/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "./browser.js";
import { createDemoUser, startAppServer, until, type AppServer, type DemoUser } from "./pages/appServer.js";

/**
 * The app's own top bar (above every screen) on laptop screens in every language: the page never scrolls sideways and
 * no part of the bar leaves the window; links with no room move under the shell's menu instead.
 */
const LANGUAGES = ["en", "zh-Hant", "zh-Hans", "ru", "fa"] as const;
const WIDTHS = [1024, 1280, 1440] as const;
const DEMO_TITLE = "Lena buys running shoes online";

/**
 * What overflows: the page wider than the window, and parts of the app bar outside the window.
 */
function overflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) {
      // Named: the first few elements reaching past the window, to say what widens the page.
      const wide = Array.from(document.body.querySelectorAll<HTMLElement>("*"))
        .filter((el) => {
          const box = el.getBoundingClientRect();
          // Inside a box that scrolls or clips on its own, an element may reach past the window without widening the page.
          let clipped = false;
          for (let a = el.parentElement; a && a !== document.body && !clipped; a = a.parentElement)
            clipped = getComputedStyle(a).overflowX !== "visible";
          return !clipped && box.width > 1 && (box.right > innerWidth + 1 || box.left < -1);
        })
        .slice(0, 4)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().width)}`);
      problems.push(`the page scrolls: ${root.scrollWidth} > ${innerWidth} (${wide.join(", ")})`);
    }
    // The shell's bar is the first header of the page (the editor's own bar comes after it).
    const bar = document.querySelector("header");
    if (!bar) return [...problems, "no app bar"];
    for (const el of [bar, ...Array.from(bar.querySelectorAll<HTMLElement>("*"))]) {
      const box = el.getBoundingClientRect();
      // Text kept for screen readers only (1 px, clipped) is meant to be out of sight.
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).visibility === "hidden") continue;
      if (box.left < -1 || box.right > innerWidth + 1)
        problems.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 30)}" leaves the window`);
    }
    return problems;
  });
}

describe.skipIf(!hasChromium())("the app bar on laptop screens, in every language", () => {
  let app: AppServer;
  let browser: Browser;
  const users = new Map<string, DemoUser & { mapId: string }>();
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await startAppServer();
    for (const code of LANGUAGES) {
      const user = await createDemoUser(app, {
        email: `appbar-${code}@example.test`,
        name: "Robin Baker",
        locale: code,
      });
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

  async function open(code: string, width: number, path: string, ready: string): Promise<Page> {
    const user = users.get(code)!;
    const context = await browser.newContext({ locale: code, viewport: { width, height: 800 }, deviceScaleFactor: 1 });
    contexts.push(context);
    context.setDefaultTimeout(20_000);
    await context.addCookies([{ name: "cjm_session", value: user.cookie, url: app.url }]);
    await context.addInitScript((lang) => localStorage.setItem("opencjm.locale", lang), code);
    const page = await context.newPage();
    await page.goto(`${app.url}/w/${user.workspaceId}${path.replace("{map}", user.mapId)}`);
    await page.getByTestId(ready).first().waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  }

  for (const code of LANGUAGES)
    it(`${code}: the app bar stays inside the window on the home page and in the editor`, async () => {
      for (const width of WIDTHS)
        for (const [screen, path, ready] of [
          ["home", "/", "map-list"],
          ["editor", "/maps/{map}", "map-grid"],
        ] as const) {
          const page = await open(code, width, path, ready);
          // Waited for: the bar measures again once the workspace name and the badges arrive.
          await expect
            .poll(async () => [width, screen, await overflowProblems(page)], until)
            .toEqual([width, screen, []]);
          // Every main link is still reachable: on the bar, or under the shell's menu.
          for (const link of ["nav-data", "nav-research", "nav-activity", "nav-drift"]) {
            const onBar = await page.getByTestId(link).isVisible();
            if (!onBar) {
              await page.getByTestId("compact-nav").click();
              await page.getByTestId(`${link}-compact`).waitFor();
              await page.keyboard.press("Escape");
            }
          }
          await page.context().close();
        }
    }, 180_000);
});
