/// <reference lib="dom" />
import type { MapSnapshot } from "@opencjm/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import {
  apiAs,
  createDemoUser,
  openContext,
  RAW_KEY,
  startAppServer,
  until,
  type AppServer,
  type DemoUser,
} from "./pages/appServer.js";
import { CompareScreen } from "./pages/CompareScreen.js";
import { HomeScreen } from "./pages/HomeScreen.js";

describe("future state and comparison in a real browser", () => {
  let browser: Browser;
  let app: AppServer;
  let user: DemoUser;
  let sourceId: string;

  beforeAll(async () => {
    app = await startAppServer();
    user = await createDemoUser(app, { email: "compare@example.test", name: "Comparer" });
    const maps = await app.server.services.maps.list(user.workspaceId);
    sourceId = maps.find((m) => m.title === "Lena buys running shoes online")!.id;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("creates a future state from the home screen, and the comparison shows the renamed, removed and added steps and the emotion delta", async () => {
    const context = await openContext(browser, app, { cookie: user.cookie });
    const page = await context.newPage();
    await page.goto(`${app.url}/w/${user.workspaceId}`);
    const home = new HomeScreen(page);
    await expect.poll(() => home.rowOf(sourceId).count(), until).toBe(1);
    await home.createFutureStateOf(sourceId);
    await expect.poll(() => page.url(), until).toMatch(/\/maps\/map_\w+$/);
    const futureId = page.url().split("/maps/")[1]!;
    expect(futureId).not.toBe(sourceId);

    // Redesign the future state through the API, as an editor session would.
    const base = `/api/workspaces/${user.workspaceId}/maps/${futureId}`;
    const { snapshot } = await apiAs<{ snapshot: MapSnapshot }>(page, "GET", base);
    expect(snapshot.settings).toMatchObject({
      type: "futureState",
      basedOnMapId: sourceId,
      title: "Lena buys running shoes online — future state",
    });
    const point = snapshot.emotions.find((e) => e.value <= 0)!;
    const renamed = snapshot.steps.find((s) => s.id !== point.stepId)!;
    const removed = snapshot.steps.find((s) => s.id !== point.stepId && s.id !== renamed.id)!;
    await apiAs(page, "POST", `${base}/operations`, {
      operations: [
        { op: "updateStep", stepId: renamed.id, name: "Finds the right size in one tap" },
        { op: "deleteStep", stepId: removed.id },
        { op: "addStep", stageId: snapshot.stages[0]!.id, name: "Gets a fitting reminder" },
        { op: "setEmotion", personaId: point.personaId, stepId: point.stepId, value: point.value + 2 },
      ],
    });

    await page.goto(`${app.url}/w/${user.workspaceId}`);
    await expect.poll(() => home.rowOf(futureId).count(), until).toBe(1);
    // The list says which map the future state redesigns.
    expect(await home.rowOf(futureId).getByTestId("based-on").innerText()).toContain("Lena buys running shoes online");
    await home.compare(futureId, "Lena buys running shoes online");
    // The current state goes on the left whichever map the comparison was opened from.
    await expect.poll(() => page.url(), until).toContain(`/compare/${sourceId}/${futureId}`);

    const compare = new CompareScreen(page);
    await expect.poll(() => compare.rows().count(), until).toBe(snapshot.steps.length + 1);
    expect(await compare.rows("changed").allInnerTexts()).toEqual([
      expect.stringContaining("Finds the right size in one tap"),
    ]);
    expect(await compare.rows("changed").first().innerText()).toContain(renamed.name);
    expect(await compare.rows("removed").allInnerTexts()).toEqual([expect.stringContaining(removed.name)]);
    expect(await compare.rows("added").allInnerTexts()).toEqual([expect.stringContaining("Gets a fitting reminder")]);
    const better = compare.deltas().filter({ hasText: "▲" });
    await expect.poll(() => better.count(), until).toBe(1);
    expect(await better.innerText()).toContain("+2");
    expect(await compare.summary().innerText()).toMatch(/1 step added.*1 step removed.*1 step changed/s);
    expect(await page.getByTestId("compare-legend").innerText()).toContain("Removed");
    expect(await page.locator("main").innerText()).not.toMatch(RAW_KEY);

    // Swapping puts the future state on the left.
    await page.getByTestId("compare-swap").click();
    await expect.poll(() => page.url(), until).toContain(`/compare/${futureId}/${sourceId}`);
    await expect.poll(() => compare.rows("added").count(), until).toBe(1);
    expect(await compare.rows("added").innerText()).toContain(removed.name);
    await context.close();
  });

  it("lays the comparison out right to left in Persian: the first map on the right", async () => {
    const persian = await createDemoUser(app, { email: "compare-fa@example.test", name: "مقایسه‌گر", locale: "fa" });
    const context = await openContext(browser, app, { cookie: persian.cookie, locale: "fa-IR" });
    const page = await context.newPage();
    await page.goto(`${app.url}/w/${persian.workspaceId}/compare/${persian.mapIds[0]}/${persian.mapIds[1]}`);
    const compare = new CompareScreen(page);
    await expect.poll(() => compare.rows().count(), until).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir), until).toBe("rtl");
    const left = (await page.getByTestId("compare-left").boundingBox())!;
    const right = (await page.getByTestId("compare-right").boundingBox())!;
    expect(left.x).toBeGreaterThan(right.x);
    const firstColumn = (await page.locator("[data-testid=compare-table] thead th").nth(0).boundingBox())!;
    const secondColumn = (await page.locator("[data-testid=compare-table] thead th").nth(1).boundingBox())!;
    expect(firstColumn.x).toBeGreaterThan(secondColumn.x);
    expect(await page.locator("main").innerText()).not.toMatch(RAW_KEY);
    await context.close();
  });

  it("shows a clear message and a way back when a map of the comparison does not exist", async () => {
    const context = await openContext(browser, app, { cookie: user.cookie });
    const page = await context.newPage();
    await page.goto(`${app.url}/w/${user.workspaceId}/compare/${sourceId}/map_does_not_exist`);
    await expect.poll(() => page.getByRole("alert").innerText(), until).toContain("not found");
    expect(await page.getByRole("alert").getByRole("link").count()).toBeGreaterThan(0);
    await context.close();
  });
});
