/// <reference lib="dom" />
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, createUser, loadConfig, seedDemoWorkspace, startServer, type RunningServer } from "@opencjm/server";
import { launchChromium } from "./browser.js";

const LANGUAGES = [
  { code: "en", browser: "en-US", language: "Language" },
  { code: "zh-Hant", browser: "zh-TW", language: "語言" },
  { code: "zh-Hans", browser: "zh-CN", language: "语言" },
  { code: "ru", browser: "ru-RU", language: "Язык" },
  { code: "fa", browser: "fa-IR", language: "زبان" },
];

describe("home page in a real browser", () => {
  let browser: Browser;
  let server: RunningServer;
  let dir: string;
  let cookie: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cjm-e2e-"));
    server = await startServer(loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir }));
    const user = await createUser(server.services.db, { email: "e2e@example.test", name: "Ayda <b>Rahimi</b>", password: "e2e password long" });
    await seedDemoWorkspace(server.services, user.id);
    cookie = (await createSession(server.services.db, user.id, 3600_000)).cookie;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(locale: string, signedIn: boolean): Promise<Page> {
    const context = await browser.newContext({ locale });
    if (signedIn) await context.addCookies([{ name: "cjm_session", value: cookie, url: server.url }]);
    const page = await context.newPage();
    await page.goto(server.url);
    return page;
  }

  for (const lang of LANGUAGES) {
    it(`loads in ${lang.code} from the browser language, with no untranslated keys`, async () => {
      const page = await open(lang.browser, true);
      await expect.poll(() => page.locator("label").textContent()).toContain(lang.language);
      await expect.poll(() => page.locator("li").count()).toBe(1);
      const text = (await page.locator("body").innerText()) ?? "";
      expect(text).not.toMatch(/\b(app|home|role)\.[a-zA-Z]+/);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang.code);
      await page.context().close();
    });
  }

  it("lays Persian out right to left: the title on the right, the language picker on the left", async () => {
    const page = await open("fa-IR", false);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    const title = (await page.locator("h1").boundingBox())!;
    const picker = (await page.locator("label").boundingBox())!;
    expect(title.x).toBeGreaterThan(picker.x);
    const english = await open("en-US", false);
    await expect.poll(() => english.locator("label").textContent()).toContain("Language");
    const enTitle = (await english.locator("h1").boundingBox())!;
    const enPicker = (await english.locator("label").boundingBox())!;
    expect(enTitle.x).toBeLessThan(enPicker.x);
    await page.context().close();
    await english.context().close();
  });

  it("remembers a language picked by hand and shows user text as text", async () => {
    const page = await open("en-US", true);
    await expect.poll(() => page.locator("label").textContent()).toContain("Language");
    await page.locator("select#language").selectOption("ru");
    await expect.poll(() => page.locator("label").textContent()).toContain("Язык");
    await page.reload();
    await expect.poll(() => page.locator("label").textContent()).toContain("Язык");
    await expect.poll(() => page.locator("main p").nth(1).textContent()).toContain("Ayda <b>Rahimi</b>");
    expect(await page.locator("main b").count()).toBe(0);
    await page.context().close();
  });
});
