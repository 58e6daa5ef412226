/// <reference lib="dom" />
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import {
  createDemoUser,
  openContext,
  startAppServer,
  until,
  type AppServer,
  type DemoUser,
} from "./pages/appServer.js";
import { HomeScreen } from "./pages/HomeScreen.js";

describe("home screen filters in a real browser", () => {
  let browser: Browser;
  let app: AppServer;
  let user: DemoUser;

  beforeAll(async () => {
    app = await startAppServer();
    user = await createDemoUser(app, { email: "filters@example.test", name: "Filterer" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("searches by persona name and tag, filters by status, keeps the filters on reload and clears them", async () => {
    const context = await openContext(browser, app, { cookie: user.cookie });
    const page = await context.newPage();
    await page.goto(`${app.url}/w/${user.workspaceId}`);
    const home = new HomeScreen(page);
    await expect.poll(() => home.rows().count(), until).toBe(user.mapIds.length);

    await home.search("marcus");
    await expect.poll(() => home.rows().count(), until).toBe(2);
    await page.getByTestId("filter-status").selectOption("draft");
    await expect.poll(() => home.rows().count(), until).toBe(2);
    await page.getByTestId("filter-tag").selectOption("b2b");
    await expect
      .poll(() => home.rows().allInnerTexts(), until)
      .toEqual([expect.stringContaining("Northwind Logistics chooses a backup platform")]);
    expect(page.url()).toContain("q=marcus");

    await page.reload();
    await expect.poll(() => home.rows().count(), until).toBe(1);
    expect(await page.getByTestId("map-search").inputValue()).toBe("marcus");

    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => home.rows().count(), until).toBe(user.mapIds.length);
    expect(new URL(page.url()).search).toBe("");

    await home.search("no map is called this");
    await expect.poll(() => page.locator("main").innerText(), until).toContain("No map matches these filters.");
    await context.close();
  });

  it("creates a second workspace from the workspace switcher and switches back", async () => {
    const context = await openContext(browser, app, { cookie: user.cookie });
    const page = await context.newPage();
    await page.goto(`${app.url}/w/${user.workspaceId}`);
    await expect.poll(() => new HomeScreen(page).rows().count(), until).toBe(user.mapIds.length);
    await page.getByTestId("workspace-switcher").click();
    await page.getByTestId("workspace-switcher-panel").getByRole("menuitem", { name: "+ Create workspace" }).click();
    const dialog = page.getByRole("dialog", { name: "Create workspace" });
    await dialog.getByLabel("Workspace name").fill("Second <i>team</i>");
    await dialog.getByRole("button", { name: "Create workspace" }).click();
    await expect.poll(() => page.url(), until).not.toContain(user.workspaceId);
    await expect.poll(() => page.getByTestId("workspace-switcher").innerText(), until).toContain("Second <i>team</i>");
    await expect.poll(() => page.locator("main").innerText(), until).toContain("No maps yet");
    expect(await page.getByRole("banner").locator("i").count()).toBe(0);

    await page.getByTestId("workspace-switcher").click();
    await page
      .getByTestId("workspace-switcher-panel")
      .getByRole("menuitem", { name: /Demo: Northwind/ })
      .click();
    await expect.poll(() => page.url(), until).toContain(user.workspaceId);
    await expect.poll(() => new HomeScreen(page).rows().count(), until).toBe(user.mapIds.length);
    await context.close();
  });

  it("sorts by title in the language's order", async () => {
    const context = await openContext(browser, app, { cookie: user.cookie });
    const page = await context.newPage();
    await page.goto(`${app.url}/w/${user.workspaceId}?sort=title`);
    const home = new HomeScreen(page);
    await expect.poll(() => home.rows().count(), until).toBe(user.mapIds.length);
    const titles = await page.locator("[data-testid=map-row] td:first-child a").allInnerTexts();
    expect(titles).toEqual([...titles].sort(new Intl.Collator("en", { sensitivity: "base", numeric: true }).compare));
    await context.close();
  });
});
