/// <reference lib="dom" />
import { seedDemoEvidence } from "@opencjm/server/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "./browser.js";
import {
  createDemoUser,
  openContext,
  startAppServer,
  until,
  type AppServer,
  type DemoUser,
} from "./pages/appServer.js";
import { IdeasScreen } from "./pages/IdeasScreen.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";

// The drift and the effect run the engine over several periods of the demo data on a shared machine.
const slow = { timeout: 60_000, interval: 100 };

describe.skipIf(!hasChromium())("the demo's measured effect and drift in a real browser", { timeout: 300_000 }, () => {
  let app: AppServer;
  let user: DemoUser;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startAppServer();
    user = await createDemoUser(app, { email: "drift@example.test", name: "Dana Frost" });
    // Fewer customers than at start-up, enough for the demo's effect and drift to stand out of the noise.
    await seedDemoEvidence(app.server.services, user.workspaceId, { customers: 20_000 });
    browser = await launchChromium();
    page = await (await openContext(browser, app, { cookie: user.cookie })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("a newcomer opens the shipped idea of the demo and sees its effect: improved, with its interval", async () => {
    const ideas = await new IdeasScreen(page).open(app.url, user.workspaceId);
    const title = "Show delivery cost and date on the product page";
    await expect.poll(() => ideas.row(title).getByTestId("idea-status-cell").innerText(), until).toBe("Shipped");
    await ideas.openIdea(title);
    const row = ideas.dialog.getByTestId("kpi-effect-row");
    await expect.poll(() => row.getAttribute("data-verdict"), slow).toBe("improved");
    const text = await row.innerText();
    expect(text).toContain("Carts that are paid");
    expect(text).toMatch(/\+\d+(\.\d)?%/);
    expect(text).toMatch(/95%/);
  });

  it("the demo map flags the step whose wait grew, and the popover says what moved, by how much, on how many customers", async () => {
    const editor = await new MapEditorPage(page).open(app.url, user.workspaceId, user.mapIds[0]!);
    const header = editor.page.getByTestId("step-header").filter({ hasText: "Tracks the parcel" });
    const badge = header.getByTestId("step-drift-badge");
    await expect.poll(() => badge.count(), slow).toBe(1);
    expect(
      await editor.page
        .getByTestId("step-header")
        .filter({ hasText: "Sees a spring-race ad" })
        .getByTestId("step-drift-badge")
        .count(),
    ).toBe(0);
    const popover = editor.page.getByTestId("step-drift-popover");
    // On a loaded machine the editor may still be settling (its focus moving into the grid) when the badge is clicked,
    // and a popover closes when focus leaves it: click until it stays open, as a person would.
    await expect
      .poll(
        async () => {
          if (!(await popover.isVisible())) await badge.click();
          return popover.isVisible();
        },
        // A second apart, so a popover slow to open is not clicked shut again.
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(true);
    const time = popover.locator('[data-measure="medianTime"]');
    const line = await time.innerText();
    expect(line).toContain("Median time to the next step");
    expect(line).toContain("for the worse");
    expect(line).toMatch(/\+\d+%/);
    expect(line).toMatch(/customers who went on/);

    // The digest page, linked from the popover, lists the same step under the map.
    await popover.getByRole("link", { name: "All drift in the workspace" }).click();
    await editor.page.getByTestId("drift-page").waitFor();
    const step = editor.page.getByTestId("drift-step").filter({ hasText: "Tracks the parcel" });
    await expect.poll(() => step.count(), slow).toBe(1);
    expect(await editor.page.getByTestId("drift-map").first().innerText()).toContain("Lena buys running shoes online");
  });
});
