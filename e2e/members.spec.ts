/// <reference lib="dom" />
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { createDemoUser, openContext, RAW_KEY, startAppServer, until, type AppServer } from "./pages/appServer.js";
import { MembersScreen } from "./pages/MembersScreen.js";

describe("members and invitations", () => {
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

  it("an owner invites a colleague, who opens the link, signs up and lands in the workspace with the given role", async () => {
    const owner = await createDemoUser(app, { email: "olga@example.test", name: "Olga Owner" });
    const ownerContext = await openContext(browser, app, { cookie: owner.cookie });
    const ownerPage = await ownerContext.newPage();
    await ownerPage.goto(`${app.url}/w/${owner.workspaceId}`);
    const members = new MembersScreen(ownerPage);
    await members.openFromSwitcher();
    expect(ownerPage.url()).toBe(`${app.url}/w/${owner.workspaceId}/members`);
    await expect.poll(() => members.memberRow("olga@example.test").count(), until).toBe(1);

    const link = await members.invite("colleague@example.test", "commenter");
    expect(link).toMatch(new RegExp(`^${app.url}/invite/[\\w-]{20,}$`));
    await expect.poll(() => members.invitationRow("colleague@example.test").count(), until).toBe(1);

    // The colleague has no account: the link offers sign-up, and the new account joins the workspace at once.
    const colleagueContext = await openContext(browser, app);
    const colleaguePage = await colleagueContext.newPage();
    await colleaguePage.goto(link);
    const accept = new MembersScreen(colleaguePage);
    await accept.signUpWithInvitation("Cora Colleague", "colleague@example.test", "a long enough password");
    await expect.poll(() => colleaguePage.url(), until).toBe(`${app.url}/w/${owner.workspaceId}`);
    const session = (await (await colleaguePage.request.get(`${app.url}/api/auth/session`)).json()) as {
      workspaces: Array<{ id: string; role: string }>;
    };
    expect(session.workspaces).toEqual([expect.objectContaining({ id: owner.workspaceId, role: "commenter" })]);
    expect(await colleaguePage.locator("body").innerText()).not.toMatch(RAW_KEY);

    // The owner sees the new member with their role, and the invitation is no longer pending.
    await ownerPage.reload();
    await expect
      .poll(() => members.memberRow("colleague@example.test").getByTestId("member-role").inputValue(), until)
      .toBe("commenter");
    expect(await members.invitationRow("colleague@example.test").count()).toBe(0);

    // The link worked once: opened again by a signed-in person, it says it has been used.
    await colleaguePage.goto(link);
    await colleaguePage.getByTestId("accept-button").click();
    await expect.poll(() => accept.deadLinkMessage().textContent(), until).toContain("already been used");
    await ownerContext.close();
    await colleagueContext.close();
  });

  it("a revoked link and an expired link say so, in the reader's language, and create no account", async () => {
    const owner = await createDemoUser(app, { email: "omid@example.test", name: "Omid Owner" });
    const ownerContext = await openContext(browser, app, { cookie: owner.cookie });
    const ownerPage = await ownerContext.newPage();
    await ownerPage.goto(`${app.url}/w/${owner.workspaceId}/members`);
    const members = new MembersScreen(ownerPage);
    const revokedLink = await members.invite("revoked@example.test", "editor");
    const expiredLink = await members.invite("late@example.test", "viewer");
    await members.revoke("revoked@example.test");
    await expect.poll(() => members.invitationRow("revoked@example.test").count(), until).toBe(0);
    const { db } = app.server.services;
    await db.kysely
      .updateTable("invitations")
      .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
      .where("email", "=", "late@example.test")
      .execute();

    const guestContext = await openContext(browser, app);
    const guestPage = await guestContext.newPage();
    const accept = new MembersScreen(guestPage);
    await guestPage.goto(revokedLink);
    await accept.signUpWithInvitation("Rita", "revoked@example.test", "a long enough password");
    await expect.poll(() => accept.deadLinkMessage().textContent(), until).toContain("revoked");

    // A Persian reader: the page reads right to left and the expiry is told in Persian.
    const persianContext = await openContext(browser, app, { locale: "fa-IR" });
    const persianPage = await persianContext.newPage();
    await persianPage.goto(expiredLink);
    await expect.poll(() => persianPage.evaluate(() => document.documentElement.dir), until).toBe("rtl");
    const persian = new MembersScreen(persianPage);
    await persian.signUpWithInvitation("لیلا", "late@example.test", "گذرواژه‌ای بلند و امن");
    await expect.poll(() => persian.deadLinkMessage().textContent(), until).toContain("منقضی");

    const users = await db.kysely
      .selectFrom("users")
      .select("email")
      .where("email", "in", ["revoked@example.test", "late@example.test"])
      .execute();
    expect(users).toEqual([]);
    await ownerContext.close();
    await guestContext.close();
    await persianContext.close();
  });

  it("someone with an account accepts while signed in, is handed the workspace, and the former owner leaves", async () => {
    const owner = await createDemoUser(app, { email: "otto@example.test", name: "Otto Owner" });
    const heir = await createDemoUser(app, { email: "hana@example.test", name: "Hana Heir" });
    const ownerContext = await openContext(browser, app, { cookie: owner.cookie });
    const ownerPage = await ownerContext.newPage();
    await ownerPage.goto(`${app.url}/w/${owner.workspaceId}/members`);
    const members = new MembersScreen(ownerPage);
    const link = await members.invite("hana@example.test", "editor");

    const heirContext = await openContext(browser, app, { cookie: heir.cookie });
    const heirPage = await heirContext.newPage();
    await heirPage.goto(link);
    await heirPage.getByTestId("accept-button").click();
    await expect.poll(() => heirPage.url(), until).toBe(`${app.url}/w/${owner.workspaceId}`);

    await ownerPage.reload();
    await members.transferOwnershipTo("hana@example.test");
    // No longer an owner: the management controls are gone, the list and "leave" stay.
    await expect.poll(() => ownerPage.getByTestId("invite-member").count(), until).toBe(0);
    await expect
      .poll(() => members.memberRow("hana@example.test").getByTestId("member-role-badge").textContent(), until)
      .toBe("Owner");
    await members.leave();
    await expect.poll(() => ownerPage.url(), until).toBe(`${app.url}/`);
    const left = await app.server.services.db.kysely
      .selectFrom("members")
      .select(["user_id", "role"])
      .where("workspace_id", "=", owner.workspaceId)
      .execute();
    expect(left).toEqual([{ user_id: heir.userId, role: "owner" }]);
    await ownerContext.close();
    await heirContext.close();
  });
});
