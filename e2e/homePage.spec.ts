/// <reference lib="dom" />
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, startServer, type RunningServer } from "@opencjm/server";
import { createSession, createUser, seedDemoWorkspace } from "@opencjm/server/testing";
import { launchChromium } from "./browser.js";
import { RAW_KEY, until } from "./pages/appServer.js";

const LANGUAGES = [
  { code: "en", browser: "en-US", language: "Language" },
  { code: "zh-Hant", browser: "zh-TW", language: "語言" },
  { code: "zh-Hans", browser: "zh-CN", language: "语言" },
  { code: "ru", browser: "ru-RU", language: "Язык" },
  { code: "fa", browser: "fa-IR", language: "زبان" },
];

/** Text that looks like a catalogue key (`namespace.key`) leaked onto the screen. */

describe("app shell in a real browser", () => {
  let browser: Browser;
  let server: RunningServer;
  let dir: string;
  let cookie: string;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cjm-e2e-"));
    server = await startServer(loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir }));
    const user = await createUser(server.services.db, {
      email: "e2e@example.test",
      name: "Ayda <b>Rahimi</b>",
      password: "e2e password long",
    });
    await seedDemoWorkspace(server.services, user.id);
    cookie = (await createSession(server.services.db, user.id, 3600_000)).cookie;
    for (const lang of LANGUAGES) {
      const u = await createUser(server.services.db, {
        email: `${lang.code}@example.test`,
        name: lang.code,
        password: "e2e password long",
        locale: lang.code as "en",
      });
      await seedDemoWorkspace(server.services, u.id);
      cookies.set(lang.code, (await createSession(server.services.db, u.id, 3600_000)).cookie);
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(locale: string, signedIn: boolean | string, path = "/"): Promise<Page> {
    const context = await browser.newContext({ locale });
    if (signedIn)
      await context.addCookies([
        { name: "cjm_session", value: signedIn === true ? cookie : signedIn, url: server.url },
      ]);
    const page = await context.newPage();
    await page.goto(server.url + path);
    return page;
  }

  for (const lang of LANGUAGES) {
    it(`greets a visitor in ${lang.code} from the browser language, with no untranslated keys`, async () => {
      const page = await open(lang.browser, false);
      await expect.poll(() => page.url(), until).toContain("/signin");
      await expect.poll(() => page.locator("label").first().textContent(), until).toContain(lang.language);
      expect(await page.locator("body").innerText()).not.toMatch(RAW_KEY);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang.code);
      await page.context().close();
    });

    it(`opens the workspace of a ${lang.code} user in their language on any browser, with no untranslated keys`, async () => {
      const page = await open("en-US", cookies.get(lang.code)!);
      await expect.poll(() => page.locator("label").first().textContent(), until).toContain(lang.language);
      await expect.poll(() => page.url(), until).toMatch(/\/w\/[\w-]+$/);
      await expect.poll(() => page.locator("main a").count(), until).toBeGreaterThan(0);
      expect(await page.locator("body").innerText()).not.toMatch(RAW_KEY);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang.code);
      await page.context().close();
    });
  }

  it("lays Persian out right to left: the product name on the right, the language picker on the left", async () => {
    const page = await open("fa-IR", cookies.get("fa")!);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir), until).toBe("rtl");
    await expect.poll(() => page.getByTestId("language").count(), until).toBe(1);
    const brand = (await page.getByRole("banner").locator("a").first().boundingBox())!;
    const picker = (await page.getByTestId("language").boundingBox())!;
    expect(brand.x).toBeGreaterThan(picker.x);
    const english = await open("en-US", true);
    await expect.poll(() => english.getByTestId("language").count(), until).toBe(1);
    const enBrand = (await english.getByRole("banner").locator("a").first().boundingBox())!;
    const enPicker = (await english.getByTestId("language").boundingBox())!;
    expect(enBrand.x).toBeLessThan(enPicker.x);
    await page.context().close();
    await english.context().close();
  });

  it("remembers a language picked by hand and shows user text as text", async () => {
    const page = await open("en-US", true);
    await expect.poll(() => page.getByTestId("language").count(), until).toBe(1);
    await page.getByTestId("language").selectOption("ru");
    await expect.poll(() => page.locator("label").first().textContent(), until).toContain("Язык");
    await page.reload();
    await expect.poll(() => page.locator("label").first().textContent(), until).toContain("Язык");
    await expect.poll(() => page.getByRole("banner").innerText(), until).toContain("Ayda <b>Rahimi</b>");
    expect(await page.getByRole("banner").locator("b").count()).toBe(0);
    await page.context().close();
  });

  it("sends a signed-out visitor to sign in, says when the password is wrong, and signs in", async () => {
    const page = await open("en-US", false);
    await expect.poll(() => page.url(), until).toContain("/signin");
    await page.locator("input[name=email]").fill("e2e@example.test");
    await page.locator("input[name=password]").fill("wrong password here");
    await page.locator("button[type=submit]").click();
    await expect.poll(() => page.getByRole("alert").textContent(), until).toBeTruthy();
    await page.locator("input[name=password]").fill("e2e password long");
    await page.locator("button[type=submit]").click();
    await expect.poll(() => page.url(), until).toMatch(/\/w\/[\w-]+$/);
    await page.context().close();
  });
});
