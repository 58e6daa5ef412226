/// <reference lib="dom" />
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { eventually, startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";

interface Snapshot {
  settings: { title: string };
  stages: Array<{ id: string; name: string }>;
  steps: Array<{ id: string; name: string; stageId: string }>;
  lanes: Array<{ id: string; type: string; name: string; collapsed: boolean; hidden: boolean }>;
  cells: Array<{ laneId: string; stepId: string; cards: Array<Record<string, unknown>> }>;
  emotions: Array<{ personaId: string; stepId: string; value: number }>;
}

describe("map editor in a real browser", () => {
  let browser: Browser;
  let fx: EditorFixture;
  const pages: Page[] = [];

  beforeAll(async () => {
    fx = await startEditorFixture();
    browser = await launchChromium();
  });
  afterEach(async (ctx) => {
    if (process.env.E2E_DEBUG)
      for (const [i, p] of pages.entries())
        await p.screenshot({ path: `/tmp/w2/fail-${ctx.task.name.slice(0, 20)}-${i}.png` }).catch(() => {});
    for (const p of pages.splice(0)) await p.context().close();
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  const snapshot = async (mapId: string) =>
    (await fx.api<{ snapshot: Snapshot }>(fx.owner, "GET", `/api/workspaces/${fx.workspaceId}/maps/${mapId}`)).snapshot;

  async function openMap(mapId: string): Promise<MapEditorPage> {
    const page = await (await fx.context(browser, fx.owner)).newPage();
    pages.push(page);
    if (process.env.E2E_DEBUG) page.on("pageerror", (e) => console.log("pageerror:", e.message, e.stack));
    return new MapEditorPage(page).open(fx.server.url, fx.workspaceId, mapId);
  }

  it("says clearly when a map does not exist and leads back to the maps", async () => {
    const page = await (await fx.context(browser, fx.owner)).newPage();
    await page.goto(`${fx.server.url}/w/${fx.workspaceId}/maps/noSuchMap123`);
    const error = page.getByTestId("map-load-error");
    await error.waitFor();
    expect(await error.innerText()).toContain("This map cannot be found");
    await error.getByTestId("back-to-maps").click();
    await eventually(() => page.url()).toMatch(new RegExp(`/w/${fx.workspaceId}/?$`));
    await page.context().close();
  });

  it("asks for what it shows beside the map (threads, ideas, research, drift, data) once each, before drawing the grid", async () => {
    const mapId = await fx.createMap({ templateId: "awareness-to-advocacy" });
    const page = await (await fx.context(browser, fx.owner)).newPage();
    pages.push(page);
    const asked: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith("/api/")) asked.push(url.pathname + url.search);
    });
    await new MapEditorPage(page).open(fx.server.url, fx.workspaceId, mapId);
    const sideRequests = [
      `/maps/${mapId}/comment-threads`,
      `/ideas?mapId=${mapId}`,
      `/research/maps/${mapId}/summary`,
      `/research/maps/${mapId}/journeys`,
      `/research/maps/${mapId}/surveys`,
      `/maps/${mapId}/drift`,
      "/imports?limit=50",
    ].map((path) => `/api/workspaces/${fx.workspaceId}${path}`);
    await eventually(() => sideRequests.filter((path) => asked.includes(path))).toEqual(sideRequests);
    // Until the page has nothing more to ask: a second request for any of them would show up by then.
    await page.waitForLoadState("networkidle");
    expect(sideRequests.map((path) => asked.filter((a) => a === path).length)).toEqual(sideRequests.map(() => 1));
    const timings = () =>
      page.evaluate(() => ({
        grid: performance.getEntriesByName("cjm:grid-rendered")[0]!.startTime,
        started: performance
          .getEntriesByType("resource")
          .map((r) => [new URL(r.name).pathname + new URL(r.name).search, r.startTime] as const),
      }));
    // A request's timing entry appears once its answer has arrived; the drift check can still be computing.
    await eventually(async () => {
      const { started } = await timings();
      return sideRequests.filter((path) => started.some(([name]) => name === path));
    }).toEqual(sideRequests);
    const { grid, started } = await timings();
    for (const path of sideRequests) expect(started.find(([name]) => name === path)![1]).toBeLessThan(grid);
  });

  it("edits cards of several lane types in place, and they are saved on the map", async () => {
    const mapId = await fx.createMap({ templateId: "awareness-to-advocacy" });
    const editor = await openMap(mapId);
    const steps = await editor.stepIds();
    const typed: Array<[string, string]> = [
      ["actions", "Compares prices on two sites"],
      ["thoughts", "Is shipping free?"],
      ["painPoints", "Delivery date is hidden"],
      ["opportunities", "Show the delivery date early"],
    ];
    for (const [type, text] of typed) {
      const laneId = await editor.laneIdOfType(type);
      const cell = editor.cell(laneId, steps[1]!);
      await cell.click();
      await cell.press("Enter");
      await eventually(() => cell.getAttribute("data-editing")).toBe("true");
      await editor.page.keyboard.type(text);
      await editor.page.keyboard.press("Enter");
      await editor.page.keyboard.press("Escape");
      await eventually(() => cell.getAttribute("data-editing")).toBeNull();
      await eventually(() => editor.focusedKey()).toBe(`cell:${laneId}:${steps[1]}`);
      await eventually(() => cell.innerText()).toContain(text);
    }
    await expect
      .poll(async () => {
        const s = await snapshot(mapId);
        return typed.map(([type]) => {
          const lane = s.lanes.find((l) => l.type === type)!;
          return s.cells.find((c) => c.laneId === lane.id && c.stepId === steps[1])?.cards.map((c) => c.text);
        });
      })
      .toEqual(typed.map(([, text]) => [text]));
  });

  it("moves between cells and headers with the keyboard", async () => {
    const mapId = await fx.createMap({ templateId: "awareness-consideration-decision" });
    const editor = await openMap(mapId);
    const steps = await editor.stepIds();
    const actions = await editor.laneIdOfType("actions");
    const touchpoints = await editor.laneIdOfType("touchpoints");
    await editor.cell(actions, steps[0]!).click();
    const key = () => editor.focusedKey();
    await editor.page.keyboard.press("ArrowRight");
    await eventually(key).toBe(`cell:${actions}:${steps[1]}`);
    await editor.page.keyboard.press("ArrowDown");
    await eventually(key).toBe(`cell:${touchpoints}:${steps[1]}`);
    await editor.page.keyboard.press("End");
    await eventually(key).toBe(`cell:${touchpoints}:${steps.at(-1)}`);
    await editor.page.keyboard.press("Home");
    await eventually(key).toBe(`cell:${touchpoints}:${steps[0]}`);
    await editor.page.keyboard.press("ArrowLeft");
    await eventually(key).toBe(`lane:${touchpoints}`);
    await editor.page.keyboard.press("ArrowRight");
    await editor.page.keyboard.press("ArrowUp");
    await editor.page.keyboard.press("ArrowUp");
    await eventually(key).toBe(`step:${steps[0]}`);
    await editor.page.keyboard.press("ArrowUp");
    const stages = await editor.stageIds();
    await eventually(key).toBe(`stage:${stages[0]}`);
    await editor.page.keyboard.press("ArrowRight");
    await eventually(key).toBe(`stage:${stages[1]}`);
    // Exactly one tab stop in the grid: the focused element.
    expect(await editor.grid.locator("[tabindex='0']").count()).toBe(1);
  });

  it("reorders a stage by keyboard and by drag, and undoes and redoes it", async () => {
    const mapId = await fx.createMap({ templateId: "awareness-consideration-decision" });
    const editor = await openMap(mapId);
    const [a, b, c] = await editor.stageIds();
    const order = async () => (await snapshot(mapId)).stages.map((s) => s.id);

    await editor.stageHeader(a!).click();
    await editor.page.keyboard.press("Alt+ArrowRight");
    await eventually(() => editor.stageIds()).toEqual([b, a, c]);
    await eventually(order).toEqual([b, a, c]);
    await eventually(() => editor.focusedKey()).toBe(`stage:${a}`);

    await editor.undoButton().click();
    await eventually(() => editor.stageIds()).toEqual([a, b, c]);
    await editor.redoButton().click();
    await eventually(() => editor.stageIds()).toEqual([b, a, c]);
    await editor.page.keyboard.press("Control+z");
    await eventually(() => editor.stageIds()).toEqual([a, b, c]);
    await eventually(order).toEqual([a, b, c]);

    // Drag the last stage onto the left half of the first one: it goes first.
    await editor.stageHeader(c!).dragTo(editor.stageHeader(a!), { targetPosition: { x: 8, y: 10 } });
    await eventually(() => editor.stageIds()).toEqual([c, a, b]);
    await eventually(order).toEqual([c, a, b]);
    await editor.page.keyboard.press("Control+z");
    await eventually(() => editor.stageIds()).toEqual([a, b, c]);
    await editor.page.keyboard.press("Control+Shift+z");
    await eventually(() => editor.stageIds()).toEqual([c, a, b]);
  });

  it("renames, adds, collapses, hides and deletes with confirmation, and undo brings a deleted stage back", async () => {
    const mapId = await fx.createMap({ templateId: "awareness-consideration-decision" });
    const editor = await openMap(mapId);
    const [firstStep] = await editor.stepIds();
    const [stageA] = await editor.stageIds();

    await editor.stepHeader(firstStep!).dblclick();
    const rename = editor.page.getByTestId("rename");
    await rename.fill("Sees a <b>bold</b> ad");
    await rename.press("Enter");
    await eventually(async () => (await snapshot(mapId)).steps.find((s) => s.id === firstStep)?.name).toBe(
      "Sees a <b>bold</b> ad",
    );
    expect(await editor.stepHeader(firstStep!).innerText()).toContain("Sees a <b>bold</b> ad");
    expect(await editor.grid.locator("b").count()).toBe(0);

    await editor.page.getByTestId("add-lane").click();
    await editor.page.locator("[role=menu] [data-lane-type=risks]").click();
    await editor.page.getByTestId("rename").press("Enter");
    await eventually(async () => (await snapshot(mapId)).lanes.some((l) => l.type === "risks")).toBe(true);
    const risks = await editor.laneIdOfType("risks");

    await editor.headerMenu(editor.laneHeader(risks), "Collapse lane");
    await eventually(async () => (await snapshot(mapId)).lanes.find((l) => l.id === risks)?.collapsed).toBe(true);
    await editor.headerMenu(editor.laneHeader(risks), "Hide lane");
    await eventually(() => editor.laneHeader(risks).count()).toBe(0);
    await editor.page.getByTestId("hidden-lanes").getByRole("button").click();
    await eventually(() => editor.laneHeader(risks).count()).toBe(1);

    await editor.headerMenu(editor.stageHeader(stageA!), "Delete");
    const dialog = editor.page.getByTestId("confirm-dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await editor.stageHeader(stageA!).count()).toBe(1);
    await editor.headerMenu(editor.stageHeader(stageA!), "Delete");
    await editor.page.getByTestId("confirm-delete").click();
    await eventually(() => editor.stageHeader(stageA!).count()).toBe(0);
    await eventually(async () => (await snapshot(mapId)).stages.some((s) => s.id === stageA)).toBe(false);
    await editor.undoButton().click();
    await eventually(() => editor.stageHeader(stageA!).count()).toBe(1);
    await eventually(async () => (await snapshot(mapId)).steps.some((s) => s.id === firstStep)).toBe(true);
  });

  it("drags an emotion point with the mouse and nudges it with the keyboard; the values are stored on the map", async () => {
    const persona = await fx.api<{ id: string }>(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/personas`, {
      name: "Mina",
    });
    const mapId = await fx.createMap({ templateId: "awareness-to-advocacy", personaIds: [persona.id] });
    const editor = await openMap(mapId);
    const steps = await editor.stepIds();
    const stored = async () =>
      (await snapshot(mapId)).emotions.find((e) => e.personaId === persona.id && e.stepId === steps[2])?.value;

    const ghost = editor.emotionGhost(persona.id, steps[2]!);
    await ghost.scrollIntoViewIfNeeded();
    await editor.dragVertically(ghost, -200);
    await eventually(() => editor.emotionPoint(persona.id, steps[2]!).getAttribute("data-value")).toBe("2");
    await eventually(stored).toBe(2);

    await editor.dragVertically(editor.emotionPoint(persona.id, steps[2]!), 58);
    const dragged = Number(await editor.emotionPoint(persona.id, steps[2]!).getAttribute("data-value"));
    expect(dragged).toBeLessThan(2);
    expect(dragged * 2).toBe(Math.round(dragged * 2));
    await eventually(stored).toBe(dragged);

    await editor.page.keyboard.press("ArrowDown");
    await eventually(stored).toBe(dragged - 0.5);
    await editor.page.keyboard.press("Control+z");
    await eventually(stored).toBe(dragged);
  });

  it("zooms the whole grid, card text included, and an emotion drag still lands on the value under the pointer", async () => {
    const persona = await fx.api<{ id: string }>(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/personas`, {
      name: "Lale",
    });
    const mapId = await fx.createMap({ templateId: "awareness-to-advocacy", personaIds: [persona.id] });
    const editor = await openMap(mapId);
    const steps = await editor.stepIds();
    const actions = await editor.laneIdOfType("actions");
    const cardText = editor.cell(actions, steps[0]!).locator("text=What does the customer do here?");
    const before = {
      cell: (await editor.cell(actions, steps[0]!).boundingBox())!.width,
      text: (await cardText.boundingBox())!.height,
    };
    await editor.page.getByTestId("zoom-out").click();
    await editor.page.getByTestId("zoom-out").click();
    await eventually(() => editor.page.getByTestId("zoom-level").innerText()).toBe("67%");
    await eventually(
      async () => (await editor.cell(actions, steps[0]!).boundingBox())!.width / before.cell,
    ).toBeCloseTo(0.67, 1);
    expect((await cardText.boundingBox())!.height).toBeLessThan(before.text);
    const ghost = editor.emotionGhost(persona.id, steps[1]!);
    await ghost.scrollIntoViewIfNeeded();
    const curve = (await editor.page.getByTestId("emotion-curve").boundingBox())!;
    const box = (await ghost.boundingBox())!;
    // Drop the point a quarter of the way down the curve's drawing area: on a −2…2 scale, around +1.
    await editor.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await editor.page.mouse.down();
    await editor.page.mouse.move(box.x + box.width / 2, curve.y + curve.height * 0.27, { steps: 4 });
    await editor.page.mouse.up();
    await eventually(() => editor.emotionPoint(persona.id, steps[1]!).getAttribute("data-value")).toBe("1");
  });

  it("types an emotion value and note in the step's emotion editor, and refuses one off the scale", async () => {
    const persona = await fx.api<{ id: string }>(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/personas`, {
      name: "Omid",
    });
    const mapId = await fx.createMap({ templateId: "awareness-to-advocacy", personaIds: [persona.id] });
    const editor = await openMap(mapId);
    const steps = await editor.stepIds();
    const lane = await editor.laneIdOfType("emotion");
    const cell = editor.cell(lane, steps[0]!);
    // A corner of the cell: its middle holds the curve's points.
    await cell.click({ position: { x: 6, y: 6 } });
    await cell.press("Enter");
    const form = editor.page.getByTestId("emotion-editor");
    await form.getByRole("spinbutton").fill("7");
    expect(await form.getByRole("alert").innerText()).toContain("-2");
    await form.getByRole("spinbutton").fill("-1.5");
    await form.getByLabel("Note").fill("Confused by the ad");
    await form.getByLabel("Note").press("Tab");
    await eventually(async () => (await snapshot(mapId)).emotions.find((e) => e.stepId === steps[0])).toMatchObject({
      value: -1.5,
      note: "Confused by the ad",
    });
    await editor.page.keyboard.press("Escape");
    await eventually(() => cell.innerText()).toContain("Confused by the ad");
    await eventually(() => editor.emotionPoint(persona.id, steps[0]!).getAttribute("data-value")).toBe("-1.5");
  });
});
