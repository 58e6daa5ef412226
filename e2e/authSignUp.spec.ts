/// <reference lib="dom" />
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { AuthScreens } from "./pages/AuthScreens.js";
import { openContext, RAW_KEY, startAppServer, until, type AppServer } from "./pages/appServer.js";
import { HomeScreen } from "./pages/HomeScreen.js";
import { NewMapScreen } from "./pages/NewMapScreen.js";

describe("signing up and starting the first map", () => {
  let browser: Browser;
  let app: AppServer;

  beforeAll(async () => {
    app = await startAppServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("a new user signs up, creates a workspace, picks a template and lands in the editor with the new map", async () => {
    const context = await openContext(browser, app);
    const page = await context.newPage();
    await page.goto(`${app.url}/signup`);
    const auth = new AuthScreens(page);

    // Too short a password is caught before anything is sent, in words under the field.
    await auth.signUp("Mina Karimi", "mina@example.test", "short");
    await expect.poll(() => page.locator("#signup-password-error").textContent(), until).toContain("10");
    await auth.signUp("Mina Karimi", "mina@example.test", "a long enough password");

    await expect.poll(() => auth.firstWorkspace().isVisible(), until).toBe(true);
    expect(await page.locator("input[name=workspaceName]").inputValue()).toContain("Mina Karimi");
    await auth.createFirstWorkspace("Mina's shop");
    await expect.poll(() => page.url(), until).toMatch(/\/w\/ws_\w+$/);
    expect(await page.locator("main").innerText()).not.toMatch(RAW_KEY);

    // The empty home points to the templates.
    await page.getByRole("link", { name: "Start from a template" }).click();
    const gallery = new NewMapScreen(page);
    await expect.poll(() => gallery.templates().count(), until).toBe(9);
    await gallery.choose("saas-onboarding");
    await gallery.create({ title: "Trial to paid", type: "futureState" });
    await expect.poll(() => page.url(), until).toMatch(/\/w\/ws_\w+\/maps\/map_\w+$/);

    const mapId = page.url().split("/").at(-1)!;
    const workspaceId = page.url().split("/w/")[1]!.split("/")[0]!;
    const stored = await app.server.services.maps.readSnapshot(mapId);
    expect(stored.settings).toMatchObject({
      title: "Trial to paid",
      type: "futureState",
      templateId: "saas-onboarding",
    });
    expect(stored.steps.length).toBeGreaterThan(0);

    // Back home, the new map is listed with its type.
    await page.goto(`${app.url}/w/${workspaceId}`);
    const home = new HomeScreen(page);
    await expect.poll(() => home.row("Trial to paid").count(), until).toBe(1);
    expect(await home.row("Trial to paid").innerText()).toContain("Future state");
    await context.close();
  });

  it("a new user can start with the example workspace instead", async () => {
    const context = await openContext(browser, app);
    const page = await context.newPage();
    await page.goto(`${app.url}/signup`);
    const auth = new AuthScreens(page);
    await auth.signUp("Explorer", "explorer@example.test", "a long enough password");
    await expect.poll(() => auth.firstWorkspace().isVisible(), until).toBe(true);
    await page.getByTestId("example-workspace").click();
    await expect.poll(() => page.url(), until).toMatch(/\/w\/ws_\w+$/);
    const workspaceId = page.url().split("/w/")[1]!;
    const { db } = app.server.services;
    const maps = await db.kysely.selectFrom("maps").select("id").where("workspace_id", "=", workspaceId).execute();
    const personas = await db.kysely
      .selectFrom("personas")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .execute();
    expect(maps.length).toBeGreaterThan(0);
    await expect.poll(() => new HomeScreen(page).rows().count(), until).toBe(maps.length);
    await expect.poll(() => new HomeScreen(page).personaCards().count(), until).toBe(personas.length);
    await context.close();
  });

  it("says when the e-mail is already registered, and signs out from the user menu", async () => {
    const context = await openContext(browser, app);
    const page = await context.newPage();
    await page.goto(`${app.url}/signup`);
    const auth = new AuthScreens(page);
    await auth.signUp("Taken", "taken@example.test", "a long enough password");
    await expect.poll(() => auth.firstWorkspace().isVisible(), until).toBe(true);
    await auth.createFirstWorkspace();
    await expect.poll(() => page.url(), until).toMatch(/\/w\/ws_\w+$/);
    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await expect.poll(() => page.url(), until).toContain("/signin");

    await page.goto(`${app.url}/signup`);
    await auth.signUp("Someone else", "TAKEN@example.test", "another long password");
    await expect.poll(() => auth.alert().textContent(), until).toContain("already exists");
    expect(await page.locator("input[name=email]").getAttribute("aria-invalid")).toBe("true");

    await page.goto(`${app.url}/signin`);
    await auth.signIn("taken@example.test", "a long enough password");
    await expect.poll(() => page.url(), until).toMatch(/\/w\/ws_\w+$/);
    await context.close();
  });

  it("signs up in Persian: the form, the first-workspace step and the home read right to left", async () => {
    const context = await openContext(browser, app, { locale: "fa-IR" });
    const page = await context.newPage();
    await page.goto(`${app.url}/signup`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir), until).toBe("rtl");
    const auth = new AuthScreens(page);
    await auth.signUp("سارا احمدی", "sara@example.test", "گذرواژه‌ای بلند و امن");
    await expect.poll(() => auth.firstWorkspace().isVisible(), until).toBe(true);
    expect(await page.locator("body").innerText()).not.toMatch(RAW_KEY);
    await auth.createFirstWorkspace();
    await expect.poll(() => page.url(), until).toMatch(/\/w\/ws_\w+$/);
    // Mirrored by position, not only by the attribute: the workspace title sits right of the "new map" button.
    await expect.poll(() => page.getByTestId("new-map").count(), until).toBe(1);
    const title = (await page.locator("main h1").boundingBox())!;
    const newMap = (await page.getByTestId("new-map").boundingBox())!;
    expect(title.x).toBeGreaterThan(newMap.x);
    // The account keeps the language it signed up in.
    const me = (await (await page.request.get(`${app.url}/api/auth/session`)).json()) as { user: { locale: string } };
    expect(me.user.locale).toBe("fa");
    await context.close();
  });
});
