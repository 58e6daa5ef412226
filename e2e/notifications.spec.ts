/// <reference lib="dom" />
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { createDemoUser, openContext, RAW_KEY, startAppServer, until, type AppServer } from "./pages/appServer.js";
import { MembersScreen } from "./pages/MembersScreen.js";

describe("notifications and activity", () => {
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

  it("someone with an account who is invited sees it on the bell, and the owner sees it in the activity log", async () => {
    const owner = await createDemoUser(app, { email: "nora@example.test", name: "Nora Owner" });
    const invitee = await createDemoUser(app, { email: "ivan@example.test", name: "Ivan Invitee", locale: "ru" });
    const inviteeContext = await openContext(browser, app, { cookie: invitee.cookie });
    const inviteePage = await inviteeContext.newPage();
    await inviteePage.goto(`${app.url}/w/${invitee.workspaceId}`);
    const bell = inviteePage.getByTestId("notification-bell");
    await expect.poll(() => bell.count(), until).toBe(1);
    expect(await inviteePage.getByTestId("notification-count").count()).toBe(0);

    const ownerContext = await openContext(browser, app, { cookie: owner.cookie });
    const ownerPage = await ownerContext.newPage();
    await ownerPage.goto(`${app.url}/w/${owner.workspaceId}`);
    const members = new MembersScreen(ownerPage);
    await members.openFromSwitcher();
    await members.invite("ivan@example.test", "editor");

    // The bell asks again when the window regains focus; a reload is the same question asked at once.
    await inviteePage.reload();
    await expect.poll(() => inviteePage.getByTestId("notification-count").textContent(), until).toBe("1");
    await bell.click();
    const item = inviteePage.getByTestId("notification-item");
    await expect
      .poll(() => item.first().textContent(), until)
      .toContain("Nora Owner приглашает вас в Demo: Northwind & friends");
    await inviteePage
      .getByTestId("notification-panel")
      .getByRole("button", { name: "Отметить все как прочитанные" })
      .click();
    await expect.poll(() => inviteePage.getByTestId("notification-count").count(), until).toBe(0);
    expect(await inviteePage.locator("body").innerText()).not.toMatch(RAW_KEY);

    // The link is on the bar, or under the shell's menu when the bar has no room for it.
    const onBar = await ownerPage.getByTestId("nav-activity").isVisible();
    if (!onBar) await ownerPage.getByTestId("compact-nav").click();
    await ownerPage.getByTestId(onBar ? "nav-activity" : "nav-activity-compact").click();
    await expect.poll(() => ownerPage.url(), until).toBe(`${app.url}/w/${owner.workspaceId}/activity`);
    await expect
      .poll(() => ownerPage.getByTestId("activity-entry").first().textContent(), until)
      .toContain("Nora Owner invited ivan@example.test as");
    expect(await ownerPage.locator("body").innerText()).not.toMatch(RAW_KEY);
    await ownerContext.close();
    await inviteeContext.close();
  });
});
