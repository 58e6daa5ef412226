/// <reference lib="dom" />
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { eventually, startEditorFixture, type EditorFixture, type FixtureUser } from "./mapEditorFixture.js";
import { HistoryScreen } from "./pages/HistoryScreen.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";

const RAW_HISTORY_KEY = /\bhistory\.[a-zA-Z]+/;

describe("version history in real browsers", () => {
  let browser: Browser;
  let fx: EditorFixture;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fx = await startEditorFixture();
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  async function open(user: FixtureUser, mapId: string): Promise<MapEditorPage> {
    const context = await fx.context(browser, user);
    contexts.push(context);
    return new MapEditorPage(await context.newPage()).open(fx.server.url, fx.workspaceId, mapId);
  }

  it("a member names a version, changes the map, diffs the two and restores the older one while a colleague watches", async () => {
    const mapId = await fx.createMap({ templateId: "awareness-consideration-decision" });
    const boris = await open(fx.editor, mapId);
    const ayda = await open(fx.owner, mapId);
    const [first] = await boris.stepIds();
    const originalName = await boris.stepHeader(first!).innerText();
    const history = new HistoryScreen(boris.page);

    await history.open();
    await history.nameVersion("Before the workshop");
    expect(await history.version("Before the workshop").getAttribute("data-named")).toBe("true");
    expect(await history.panel.innerText()).not.toMatch(RAW_HISTORY_KEY);
    await history.panel.getByRole("button", { name: "Close the history" }).click();

    // Boris renames the first step and writes a card; Ayda sees both live.
    await boris.stepHeader(first!).dblclick();
    await boris.page.getByTestId("rename").fill("Sees a billboard");
    await boris.page.getByTestId("rename").press("Enter");
    const actions = await boris.laneIdOfType("actions");
    const cell = boris.cell(actions, first!);
    await cell.click();
    await cell.press("Enter");
    await boris.page.keyboard.type("Scans the QR code");
    await boris.page.keyboard.press("Enter");
    await boris.page.keyboard.press("Escape");
    await eventually(() => ayda.stepHeader(first!).innerText()).toContain("Sees a billboard");
    await eventually(() => ayda.cell(actions, first!).innerText()).toContain("Scans the QR code");

    // The diff of the named version with the map now: the renamed step is changed, its cell is marked on the map.
    await history.open();
    await history.version("Before the workshop").getByTestId("history-compare-current").click();
    await boris.page.getByTestId("version-page").waitFor();
    await eventually(() => boris.page.getByTestId("version-diff-summary").innerText()).toContain("1 step changed");
    expect(await boris.page.getByTestId("version-compared").innerText()).toContain("Before the workshop");
    await eventually(() => history.markedCells().count()).toBe(1);
    expect(await boris.page.locator("[data-testid=compare-row][data-status=changed]").innerText()).toContain(
      "Sees a billboard",
    );

    // Restore the named version from the diff: Ayda's open map goes back at once, without a reload.
    await history.restore(boris.page.getByTestId("version-page"));
    await boris.page.getByTestId("map-editor").waitFor();
    await eventually(() => ayda.stepHeader(first!).innerText()).toBe(originalName);
    await eventually(() => ayda.cell(actions, first!).innerText()).not.toContain("Scans the QR code");
    await eventually(() => boris.stepHeader(first!).innerText()).toBe(originalName);

    // The restore is in the history as a version of its own, which can itself be restored away.
    await history.open();
    await eventually(() => history.version(/Restored from/).count()).toBe(1);
    expect(await history.version(/Restored from/).innerText()).toContain("Before the workshop");
  }, 120_000);
});
