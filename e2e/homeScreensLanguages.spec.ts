/// <reference lib="dom" />
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import {
  createDemoUser,
  openContext,
  RAW_KEY,
  startAppServer,
  until,
  type AppServer,
  type DemoUser,
} from "./pages/appServer.js";

const LANGUAGES = [
  { code: "en", newMap: "New journey map", personas: "Personas" },
  { code: "zh-Hant", newMap: "新增旅程地圖", personas: "人物誌" },
  { code: "zh-Hans", newMap: "新建旅程地图", personas: "用户画像" },
  { code: "ru", newMap: "Новая карта пути клиента", personas: "Персоны" },
  { code: "fa", newMap: "نقشه سفر مشتری جدید", personas: "پرسوناها" },
] as const;

describe("home, templates, personas and comparison in every language", () => {
  let browser: Browser;
  let app: AppServer;
  const users = new Map<string, DemoUser>();

  beforeAll(async () => {
    app = await startAppServer();
    for (const { code } of LANGUAGES)
      users.set(code, await createDemoUser(app, { email: `${code}@example.test`, name: `User ${code}`, locale: code }));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Opens a screen and waits until `ready` shows, then checks the language and that no catalogue key leaked. */
  async function visit(page: Page, path: string, ready: string, code: string): Promise<string> {
    await page.goto(`${app.url}${path}`);
    await expect.poll(() => page.locator(ready).count(), until).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(code);
    const text = await page.locator("body").innerText();
    expect([path, text.match(RAW_KEY)?.[0]]).toEqual([path, undefined]);
    return text;
  }

  for (const lang of LANGUAGES) {
    it(`${lang.code}: every screen of the shell loads in the user's language with no missing key`, async () => {
      const user = users.get(lang.code)!;
      const personas = (
        await app.server.services.db.kysely
          .selectFrom("personas")
          .select("id")
          .where("workspace_id", "=", user.workspaceId)
          .execute()
      ).map((p) => p.id);
      const context = await openContext(browser, app, { cookie: user.cookie });
      const page = await context.newPage();
      const w = `/w/${user.workspaceId}`;
      expect(await visit(page, w, "[data-testid=map-row]", lang.code)).toContain(lang.personas);
      await page.getByTestId("workspace-switcher").click();
      expect(await page.getByTestId("workspace-switcher-panel").innerText()).not.toMatch(RAW_KEY);
      expect(await visit(page, `${w}/new`, "[data-testid=template]", lang.code)).toContain(lang.newMap);
      await visit(page, `${w}/personas/${personas[0]}`, "[data-testid=persona-card-view]", lang.code);
      await visit(page, `${w}/personas/${personas[0]}?edit=1`, "[data-testid=section-custom]", lang.code);
      await visit(page, `${w}/compare/${user.mapIds[0]}/${user.mapIds[1]}`, "[data-testid=compare-row]", lang.code);
      await context.close();
    });
  }

  it("fa: home, gallery and persona editor are mirrored (checked by position)", async () => {
    const user = users.get("fa")!;
    const context = await openContext(browser, app, { cookie: user.cookie });
    const page = await context.newPage();
    const w = `/w/${user.workspaceId}`;
    await visit(page, w, "[data-testid=map-row]", "fa");
    const title = (await page.locator("main h1").boundingBox())!;
    const newMap = (await page.getByTestId("new-map").boundingBox())!;
    expect(title.x).toBeGreaterThan(newMap.x);
    // The first column of the map table (the title) is the rightmost one.
    const headers = page.locator("[data-testid=map-list] thead th");
    expect((await headers.nth(0).boundingBox())!.x).toBeGreaterThan((await headers.nth(1).boundingBox())!.x);

    await visit(page, `${w}/new`, "[data-testid=template]", "fa");
    const gallery = (await page.getByTestId("template-gallery").boundingBox())!;
    const form = (await page.getByTestId("new-map-form").boundingBox())!;
    expect(gallery.x).toBeGreaterThan(form.x);
    const firstCard = (await page.getByTestId("template").nth(0).boundingBox())!;
    const secondCard = (await page.getByTestId("template").nth(1).boundingBox())!;
    expect(firstCard.x).toBeGreaterThan(secondCard.x);

    const persona = (
      await app.server.services.db.kysely
        .selectFrom("personas")
        .select("id")
        .where("workspace_id", "=", user.workspaceId)
        .executeTakeFirstOrThrow()
    ).id;
    await visit(page, `${w}/personas/${persona}?edit=1`, "[data-testid=section-demographics]", "fa");
    // The grid of fields starts on the right: the first field (job title) is right of the second (age range).
    const fields = page.getByTestId("section-demographics").locator("input");
    expect((await fields.nth(0).boundingBox())!.x).toBeGreaterThan((await fields.nth(1).boundingBox())!.x);
    await context.close();
  });
});
