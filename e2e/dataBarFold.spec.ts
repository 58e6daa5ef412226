/// <reference lib="dom" />
import type { MapSnapshot } from "@opencjm/core";
import { seedDemoEvidence } from "@opencjm/server/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "./browser.js";
import { apiAs, createDemoUser, startAppServer, until, type AppServer, type DemoUser } from "./pages/appServer.js";

describe.skipIf(!hasChromium())("folding the data bar in a real browser", { timeout: 180_000 }, () => {
  let app: AppServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const people: DemoUser[] = [];

  beforeAll(async () => {
    app = await startAppServer();
    for (const [email, name] of [
      ["fold@example.test", "Farah Ali"],
      ["other@example.test", "Oskar Lind"],
    ]) {
      const user = await createDemoUser(app, { email: email!, name: name! });
      // The demo's customer data, small: the bar only needs numbers to show.
      await seedDemoEvidence(app.server.services, user.workspaceId, { customers: 300 });
      people.push(user);
    }
    browser = await launchChromium();
    // One browser (one localStorage) that two people sign in on in turn.
    context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Signs `user` in on this browser and opens their demo shoe map with its data bar. */
  async function openMapAs(user: DemoUser): Promise<void> {
    await context.clearCookies();
    await context.addCookies([{ name: "cjm_session", value: user.cookie, url: app.url }]);
    await page.goto(`${app.url}/w/${user.workspaceId}`);
    let mapId = "";
    for (const id of user.mapIds) {
      const { snapshot } = await apiAs<{ snapshot: MapSnapshot }>(
        page,
        "GET",
        `/api/workspaces/${user.workspaceId}/maps/${id}`,
      );
      if (snapshot.settings.title === "Lena buys running shoes online") mapId = id;
    }
    await page.goto(`${app.url}/w/${user.workspaceId}/maps/${mapId}`);
    await page.getByTestId("map-grid").waitFor();
    // A map with data opens with its data view on, once its numbers are in.
    await expect
      .poll(() => page.getByTestId("evidence-bar").getAttribute("data-status"), { ...until, timeout: 60_000 })
      .toBe("ready");
  }

  const folded = async () => ({
    folded: await page.getByTestId("evidence-bar").getAttribute("data-folded"),
    filters: await page.getByTestId("filter-channel").count(),
    funnel: await page.getByTestId("funnel-stage").count(),
  });

  it("stays folded after a reload, gives the room back to the map, and is each person's own choice", async () => {
    const [farah, oskar] = people as [DemoUser, DemoUser];
    await openMapAs(farah);
    await expect.poll(() => page.getByTestId("funnel-stage").count(), until).toBeGreaterThan(0);
    const unfoldedHeight = (await page.getByTestId("evidence-bar").boundingBox())!.height;
    expect(await folded()).toMatchObject({ folded: null, filters: 1 });

    await page.getByTestId("fold-data-bar").click();
    expect(await folded()).toEqual({ folded: "true", filters: 0, funnel: 0 });
    const foldedHeight = (await page.getByTestId("evidence-bar").boundingBox())!.height;
    expect(foldedHeight).toBeLessThan(unfoldedHeight / 2);

    await page.reload();
    await page.getByTestId("map-grid").waitFor();
    await expect.poll(() => page.getByTestId("evidence-bar").getAttribute("data-folded"), until).toBe("true");
    expect(await folded()).toEqual({ folded: "true", filters: 0, funnel: 0 });
    expect(await page.getByTestId("fold-data-bar").getAttribute("aria-expanded")).toBe("false");

    // Someone else signed in on the same browser finds the bar as they left it: unfolded.
    await openMapAs(oskar);
    await expect.poll(() => page.getByTestId("funnel-stage").count(), until).toBeGreaterThan(0);
    expect(await folded()).toMatchObject({ folded: null, filters: 1 });

    // And the first person's choice is still theirs.
    await openMapAs(farah);
    expect(await folded()).toEqual({ folded: "true", filters: 0, funnel: 0 });
  });
});
