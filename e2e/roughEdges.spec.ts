/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { eventually, startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";

interface Snapshot {
  stages: Array<{ id: string }>;
  steps: Array<{ id: string; stageId: string }>;
  lanes: Array<{ id: string; type: string }>;
}

// The rough edges issue 16 found by using the app, each checked in a real browser against a real server. Each test
// gets a minute: a browser, the server and other test files share two cores.
describe("rough edges of the map screens", () => {
  let browser: Browser;
  let fx: EditorFixture;
  let mapId: string;
  let snapshot: Snapshot;
  let token: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fx = await startEditorFixture();
    browser = await launchChromium();
    mapId = await fx.createMap({ templateId: "awareness-to-advocacy" });
    await fx.api(fx.owner, "PATCH", `/api/workspaces/${fx.workspaceId}/maps/${mapId}/settings`, {
      title: "Checkout in Lyon",
    });
    ({ snapshot } = await fx.api<{ snapshot: Snapshot }>(
      fx.owner,
      "GET",
      `/api/workspaces/${fx.workspaceId}/maps/${mapId}`,
    ));
    const actions = snapshot.lanes.find((l) => l.type === "actions")!;
    await fx.api(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/maps/${mapId}/operations`, {
      operations: [
        {
          op: "addCard",
          laneId: actions.id,
          stepId: snapshot.steps.at(-1)!.id,
          card: { kind: "action", text: "Zebra" },
        },
      ],
    });
    token = (
      await fx.api<{ token: string }>(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/maps/${mapId}/share-links`, {
        label: "rough edges",
      })
    ).token;
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  async function openAs(
    locale: string,
    path = `/w/${fx.workspaceId}/maps/${mapId}`,
    viewport = { width: 1024, height: 700 },
  ): Promise<Page> {
    const context = await browser.newContext({ locale, viewport });
    contexts.push(context);
    await context.addCookies([{ name: "cjm_session", value: fx.owner.cookie, url: fx.server.url }]);
    await context.addInitScript((code) => localStorage.setItem("opencjm.locale", code), locale);
    const page = await context.newPage();
    await page.goto(fx.server.url + path);
    return page;
  }

  it("scrolls the grid to the first match as the search is typed, the cursor staying in the search box", async () => {
    const page = await openAs("en-US");
    const editor = new MapEditorPage(page);
    await editor.waitForGrid();
    const actions = snapshot.lanes.find((l) => l.type === "actions")!.id;
    const cell = editor.cell(actions, snapshot.steps.at(-1)!.id);
    const inView = () =>
      page.evaluate(() => {
        const grid = document.querySelector("[data-testid=map-grid]")!.getBoundingClientRect();
        const match = document.querySelector("[data-testid=cell][data-match]")?.getBoundingClientRect();
        return !!match && match.left >= grid.left && match.right <= grid.right + 1;
      });
    expect(await inView()).toBe(false);
    await page.getByTestId("map-search").fill("zebra");
    await eventually(() => cell.getAttribute("data-match")).toBe("true");
    await eventually(inView).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("map-search");
  }, 60_000);

  it("closes the add-lane list on a click outside it, adding nothing", async () => {
    const page = await openAs("en-US");
    const editor = new MapEditorPage(page);
    await editor.waitForGrid();
    // The add-lane control comes with the last lane: a map opens with the lanes that fill the window, then the rest.
    const addLane = page.getByTestId("add-lane");
    await addLane.waitFor();
    const lanes = await page.getByTestId("lane-header").count();
    await addLane.click();
    const panel = page.getByTestId("add-lane-panel");
    await panel.waitFor();
    await editor.stageHeaders().first().click();
    await eventually(() => panel.count()).toBe(0);
    expect(await page.getByTestId("lane-header").count()).toBe(lanes);
  }, 60_000);

  it("names the map in the tab's title on the editor and on its share page, and shows the favicon", async () => {
    const page = await openAs("en-US");
    await new MapEditorPage(page).waitForGrid();
    await eventually(() => page.title()).toBe("Checkout in Lyon · OpenCJM");
    const icon = await page.locator("link[rel=icon]").getAttribute("href");
    const answer = await page.request.get(new URL(icon!, fx.server.url).href);
    expect([answer.status(), (await answer.body()).toString("utf8")]).toEqual([200, expect.stringContaining("<svg")]);

    const shared = await openAs("en-US", `/share/${token}`);
    await shared.getByTestId("shared-map").waitFor();
    await eventually(() => shared.title()).toBe("Checkout in Lyon · OpenCJM");
  }, 60_000);
});
