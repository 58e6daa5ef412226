/// <reference lib="dom" />
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { createDemoUser, openContext, startAppServer, until, type AppServer } from "./pages/appServer.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";
import { MembersScreen } from "./pages/MembersScreen.js";

describe("a new colleague joins and edits", () => {
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

  it("an owner invites a new person as editor, who signs up from the link and edits the map while the owner watches", async () => {
    const owner = await createDemoUser(app, { email: "owen@example.test", name: "Owen Owner" });
    const mapId = owner.mapIds[0]!;
    const ownerContext = await openContext(browser, app, { cookie: owner.cookie });
    const ownerPage = await ownerContext.newPage();
    await ownerPage.goto(`${app.url}/w/${owner.workspaceId}`);
    const members = new MembersScreen(ownerPage);
    await members.openFromSwitcher();
    const link = await members.invite("edda@example.test", "editor");

    // The owner keeps the map open while the colleague joins.
    const watching = await new MapEditorPage(await ownerContext.newPage()).open(app.url, owner.workspaceId, mapId);

    const colleagueContext = await openContext(browser, app);
    const colleaguePage = await colleagueContext.newPage();
    await colleaguePage.goto(link);
    await new MembersScreen(colleaguePage).signUpWithInvitation(
      "Edda Editor",
      "edda@example.test",
      "a long enough password",
    );
    await expect.poll(() => colleaguePage.url(), until).toBe(`${app.url}/w/${owner.workspaceId}`);

    const editing = await new MapEditorPage(colleaguePage).open(app.url, owner.workspaceId, mapId);
    const actions = await editing.laneIdOfType("actions");
    const [step] = await editing.stepIds();
    const cell = editing.cell(actions, step!);
    await cell.click();
    await cell.press("Enter");
    await colleaguePage.keyboard.type("Asks a friend who bought one");
    await colleaguePage.keyboard.press("Enter");
    await colleaguePage.keyboard.press("Escape");

    // The owner's open map shows the new colleague's card without a reload, and the server has stored it.
    await expect.poll(() => watching.cell(actions, step!).innerText(), until).toContain("Asks a friend who bought one");
    const stored = await ownerPage.request.get(`${app.url}/api/workspaces/${owner.workspaceId}/maps/${mapId}`);
    expect(JSON.stringify(await stored.json())).toContain("Asks a friend who bought one");
    await ownerContext.close();
    await colleagueContext.close();
  });
});
