/// <reference lib="dom" />
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { eventually, startEditorFixture, type EditorFixture, type FixtureUser } from "./mapEditorFixture.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";

describe("live co-editing in real browsers", () => {
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
  const snapshot = async (mapId: string) =>
    (
      await fx.api<{
        snapshot: { steps: Array<{ id: string; name: string }>; stages: Array<{ id: string; name: string }> };
      }>(fx.owner, "GET", `/api/workspaces/${fx.workspaceId}/maps/${mapId}`)
    ).snapshot;
  const rename = async (editor: MapEditorPage, header: ReturnType<MapEditorPage["stepHeader"]>, name: string) => {
    await header.dblclick();
    await editor.page.getByTestId("rename").fill(name);
    await editor.page.getByTestId("rename").press("Enter");
  };

  it("shows each editor the other's edits and where the other is, and undoes only one's own edits", async () => {
    const mapId = await fx.createMap({ templateId: "awareness-consideration-decision" });
    const ayda = await open(fx.owner, mapId);
    const boris = await open(fx.editor, mapId);
    const [first, second] = await ayda.stepIds();

    await rename(ayda, ayda.stepHeader(first!), "Sees a billboard");
    await eventually(() => boris.stepHeader(first!).innerText()).toContain("Sees a billboard");

    const actions = await boris.laneIdOfType("actions");
    const cell = boris.cell(actions, second!);
    await cell.click();
    await cell.press("Enter");
    await boris.page.keyboard.type("Reads three reviews");
    await boris.page.keyboard.press("Enter");
    await boris.page.keyboard.press("Escape");
    await eventually(() => ayda.cell(actions, second!).innerText()).toContain("Reads three reviews");

    // Boris sits in a cell: Ayda sees his name on it and his avatar in the header.
    await boris.cell(actions, second!).click();
    await eventually(() => ayda.cell(actions, second!).getAttribute("data-presence")).toBe("true");
    expect(await ayda.cell(actions, second!).getByTestId("presence-tag").innerText()).toContain("Boris Petrov");
    await eventually(() =>
      ayda.page.getByTestId("presence-avatar").evaluateAll((els) => els.map((e) => e.getAttribute("data-user-name"))),
    ).toEqual(["Ayda Rahimi", "Boris Petrov"]);
    await boris.cell(actions, first!).click();
    await eventually(() => ayda.cell(actions, second!).getAttribute("data-presence")).toBeNull();
    await eventually(() => ayda.cell(actions, first!).getAttribute("data-presence")).toBe("true");

    // Ayda's undo takes back her rename, not Boris's card.
    await ayda.undoButton().click();
    await eventually(() => boris.stepHeader(first!).innerText()).not.toContain("Sees a billboard");
    expect(await boris.cell(actions, second!).innerText()).toContain("Reads three reviews");
    await eventually(() => ayda.undoButton().isDisabled()).toBe(true);
  });

  it("lets a viewer watch changes live but offers no way to edit", async () => {
    const mapId = await fx.createMap({ templateId: "awareness-consideration-decision" });
    const ayda = await open(fx.owner, mapId);
    const chen = await open(fx.viewer, mapId);
    const [stage] = await chen.stageIds();
    const [step] = await chen.stepIds();

    expect(await chen.page.getByTestId("map-editor").getAttribute("data-read-only")).toBe("true");
    expect(await chen.page.getByTestId("read-only").innerText()).toContain("View only");
    expect(await chen.undoButton().count()).toBe(0);
    expect(await chen.page.getByTestId("header-menu").count()).toBe(0);
    expect(await chen.page.getByTestId("add-lane").count()).toBe(0);
    expect(await chen.page.getByTestId("add-stage").count()).toBe(0);

    const actions = await chen.laneIdOfType("actions");
    await chen.cell(actions, step!).click();
    await chen.page.keyboard.press("Enter");
    await chen.stageHeader(stage!).dblclick();
    await chen.page.keyboard.press("Alt+ArrowRight");
    expect(await chen.cell(actions, step!).getAttribute("data-editing")).toBeNull();
    expect(await chen.page.getByTestId("rename").count()).toBe(0);
    expect(await chen.page.locator("textarea, input[data-cell-field]").count()).toBe(0);
    expect(await chen.stageIds()).toEqual(await ayda.stageIds());

    await rename(ayda, ayda.stageHeader(stage!), "Discovery");
    await eventually(() => chen.stageHeader(stage!).innerText()).toContain("Discovery");
    await eventually(() =>
      ayda.page.getByTestId("presence-avatar").evaluateAll((els) => els.map((e) => e.getAttribute("data-user-name"))),
    ).toContain("Chen Wei");
  });

  it("shows a lost connection, keeps edits made offline, and merges them on reconnect", async () => {
    const mapId = await fx.createMap({ templateId: "awareness-consideration-decision" });
    const ayda = await open(fx.owner, mapId);
    const boris = await open(fx.editor, mapId);
    const [first, second] = await ayda.stepIds();

    await ayda.page.context().setOffline(true);
    await eventually(() => ayda.connectionStatus().getAttribute("data-state")).toBe("offline");
    expect(await ayda.connectionStatus().innerText()).toContain("your edits will sync when you reconnect");

    await rename(ayda, ayda.stepHeader(first!), "Offline rename");
    await eventually(() => ayda.connectionStatus().innerText()).toMatch(/change/);
    expect(await boris.stepHeader(first!).innerText()).not.toContain("Offline rename");
    await rename(boris, boris.stepHeader(second!), "Online rename");

    await ayda.page.context().setOffline(false);
    await eventually(() => ayda.connectionStatus().getAttribute("data-state"), 20_000).toBe("saved");
    await eventually(() => boris.stepHeader(first!).innerText()).toContain("Offline rename");
    await eventually(() => ayda.stepHeader(second!).innerText()).toContain("Online rename");
    await eventually(async () =>
      (await snapshot(mapId)).steps.filter((s) => s.id === first || s.id === second).map((s) => s.name),
    ).toEqual(["Offline rename", "Online rename"]);
  });

  it("opens the map before its live connection gets through, and saves an edit made meanwhile once it does", async () => {
    const mapId = await fx.createMap({ templateId: "awareness-consideration-decision" });
    const context = await fx.context(browser, fx.editor);
    contexts.push(context);
    const page = await context.newPage();
    // The collaboration socket is turned away until the test lets it through: the page has only its own copy of the
    // map, which it asked for over HTTP beside its scripts.
    let letThrough = false;
    let refused = 0;
    await page.routeWebSocket(/\/collab\//, (socket) => {
      if (letThrough) socket.connectToServer();
      else {
        refused++;
        void socket.close();
      }
    });
    const editor = new MapEditorPage(page);
    await page.goto(`${fx.server.url}/w/${fx.workspaceId}/maps/${mapId}`);
    await editor.waitForGrid();
    const stored = await snapshot(mapId);
    expect(await editor.stageNames()).toEqual(stored.stages.map((s) => s.name));
    expect(refused).toBeGreaterThan(0);
    expect(await editor.connectionStatus().getAttribute("data-state")).not.toBe("saved");

    const [first] = await editor.stepIds();
    await rename(editor, editor.stepHeader(first!), "Renamed before the socket got through");
    expect((await snapshot(mapId)).steps.find((s) => s.id === first)!.name).not.toBe(
      "Renamed before the socket got through",
    );

    letThrough = true;
    await eventually(() => editor.connectionStatus().getAttribute("data-state"), 20_000).toBe("saved");
    await eventually(async () => (await snapshot(mapId)).steps.find((s) => s.id === first)!.name).toBe(
      "Renamed before the socket got through",
    );
  });
});
