/// <reference lib="dom" />
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "./browser.js";
import { eventually, startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";
import { KeyboardUser } from "./pages/KeyboardUser.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";

interface Snapshot {
  stages: Array<{ id: string; name: string }>;
  steps: Array<{ id: string; name: string }>;
  lanes: Array<{ id: string; type: string; name: string }>;
  cells: Array<{ laneId: string; stepId: string; cards: Array<{ text?: string }> }>;
}

interface Thread {
  anchor: { kind: string; laneId?: string; cardId?: string };
  comments: Array<{ text: string }>;
}

/**
 * The map editor walked with the keyboard alone: once the page has loaded, every action below is a key press, and
 * locators only read what the user would see (the map, the stored map, where the focus is).
 */
describe.skipIf(!hasChromium())("the map editor by keyboard alone", { timeout: 180_000 }, () => {
  let browser: Browser;
  let fx: EditorFixture;
  const pages: Page[] = [];

  beforeAll(async () => {
    fx = await startEditorFixture();
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.context().close();
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  const snapshot = async (mapId: string) =>
    (await fx.api<{ snapshot: Snapshot }>(fx.owner, "GET", `/api/workspaces/${fx.workspaceId}/maps/${mapId}`)).snapshot;
  const cardTexts = async (mapId: string, laneId: string, stepId: string) =>
    (await snapshot(mapId)).cells.find((c) => c.laneId === laneId && c.stepId === stepId)?.cards.map((c) => c.text) ??
    [];

  /** A fresh map open in the editor, its page settled, nothing focused yet. */
  async function openMap(): Promise<{ mapId: string; editor: MapEditorPage; keys: KeyboardUser }> {
    const mapId = await fx.createMap({ templateId: "awareness-consideration-decision" });
    const page = await (await fx.context(browser, fx.owner)).newPage();
    pages.push(page);
    const editor = await new MapEditorPage(page).open(fx.server.url, fx.workspaceId, mapId);
    await page.waitForLoadState("networkidle");
    return { mapId, editor, keys: new KeyboardUser(page) };
  }

  it("tabs to the toolbar and the grid, arrows to a cell, writes, edits and deletes a card, and undoes and redoes", async () => {
    const { mapId, editor, keys } = await openMap();
    const steps = await editor.stepIds();
    const actions = await editor.laneIdOfType("actions");
    const cell = editor.cell(actions, steps[1]!);

    await keys.pressUntil("Tab", (f) => f.inToolbar, 20);
    // The grid is one tab stop: its focused cell (the first one until then).
    await keys.pressUntil("Tab", (f) => f.key !== "", 40);
    await keys.pressUntil("ArrowRight", (f) => f.key.endsWith(`:${steps[1]}`), 3);
    await keys.pressUntil("ArrowDown", (f) => f.key === `cell:${actions}:${steps[1]}`, 12);

    // Enter opens the cell on its new-card field; Enter adds the card, Escape leaves the cell.
    await keys.press("Enter");
    await eventually(() => cell.getAttribute("data-editing")).toBe("true");
    await keys.type("Compares prices");
    await keys.press("Enter", "Escape");
    await eventually(() => cell.getAttribute("data-editing")).toBeNull();
    await keys.expectFocus((f) => f.key === `cell:${actions}:${steps[1]}`);
    await editor.expectGridText("Compares prices");
    await eventually(() => cardTexts(mapId, actions, steps[1]!)).toEqual(["Compares prices"]);

    // Enter again puts the cursor in the card's text: it is rewritten, and Escape keeps what was typed.
    await keys.press("Enter");
    await keys.expectFocus((f) => !f.key && f.inGrid);
    await keys.press("Control+a");
    await keys.type("Compares prices on two sites");
    await keys.press("Escape");
    await eventually(() => cardTexts(mapId, actions, steps[1]!)).toEqual(["Compares prices on two sites"]);
    await keys.expectFocus((f) => f.key === `cell:${actions}:${steps[1]}`);

    // The card's buttons are drawn above its text but come after it: Tab goes from the text to them, in this card.
    await keys.press("Enter");
    await keys.expectFocus((f) => f.card !== "" && f.label === "Customer actions");
    const { card } = await keys.focused();
    await keys.pressUntil("Tab", (f) => f.label === "Delete card", 6);
    await keys.expectFocus((f) => f.card === card);
    await keys.press("Enter");
    await eventually(() => cardTexts(mapId, actions, steps[1]!)).toEqual([]);
    await keys.press("Escape");
    await keys.expectFocus((f) => f.key === `cell:${actions}:${steps[1]}`);
    expect(await cell.innerText()).not.toContain("Compares prices");

    await keys.press("Control+z");
    await eventually(() => cardTexts(mapId, actions, steps[1]!)).toEqual(["Compares prices on two sites"]);
    await editor.expectGridText("Compares prices on two sites");
    await keys.press("Control+Shift+z");
    await eventually(() => cardTexts(mapId, actions, steps[1]!)).toEqual([]);
    await eventually(() => cell.innerText()).not.toContain("Compares prices");
  });

  it("renames a stage, a step and a lane through their header menus, leaves the grid with one Tab either way, and adds a lane", async () => {
    const { mapId, editor, keys } = await openMap();
    const [stage] = await editor.stageIds();
    const [step] = await editor.stepIds();
    const actions = await editor.laneIdOfType("actions");
    const renameVia = async (headerKey: string, name: string) => {
      await keys.expectFocus((f) => f.key === headerKey);
      await keys.press("Shift+F10");
      await keys.expectFocus((f) => f.within !== "" || f.role === "menuitem");
      await keys.pressUntil("ArrowDown", (f) => f.text === "Rename", 10);
      await keys.press("Enter");
      await keys.expectFocus((f) => f.testId === "rename");
      await keys.press("Control+a");
      await keys.type(name);
      await keys.press("Enter");
      await keys.expectFocus((f) => f.key === headerKey);
    };

    await keys.pressUntil("Tab", (f) => f.key !== "", 60);
    await keys.press("Control+Home");
    await keys.pressUntil("ArrowUp", (f) => f.key === `step:${step}`, 12);
    await renameVia(`step:${step}`, "Sees a billboard");
    await keys.press("ArrowUp");
    await renameVia(`stage:${stage}`, "Noticing");
    await keys.press("ArrowDown", "ArrowDown");
    await keys.pressUntil("ArrowDown", (f) => f.key === `cell:${actions}:${step}`, 12);
    await keys.press("Home");
    await keys.pressUntil("ArrowLeft", (f) => f.key === `lane:${actions}`, 2);
    await renameVia(`lane:${actions}`, "What they do");
    await eventually(async () => {
      const s = await snapshot(mapId);
      return [
        s.stages.find((x) => x.id === stage)?.name,
        s.steps.find((x) => x.id === step)?.name,
        s.lanes.find((x) => x.id === actions)?.name,
      ];
    }).toEqual(["Noticing", "Sees a billboard", "What they do"]);
    expect(await editor.stepHeader(step!).innerText()).toContain("Sees a billboard");
    expect(await editor.laneHeader(actions).innerText()).toContain("What they do");

    // The grid is one tab stop: from any cell Tab leaves it for the add-lane control after it, Shift+Tab for the
    // control before it, and either way back comes to the same cell.
    const cellKey = `cell:${actions}:${step}`;
    await keys.press("ArrowRight");
    await keys.expectFocus((f) => f.key === cellKey);
    await keys.press("Tab");
    await keys.expectFocus((f) => f.testId === "add-lane");
    await keys.press("Shift+Tab");
    await keys.expectFocus((f) => f.key === cellKey);
    await keys.press("Shift+Tab");
    await keys.expectFocus((f) => !f.inGrid && !f.onBody);
    await keys.press("Tab");
    await keys.expectFocus((f) => f.key === cellKey);
    await keys.press("Tab");
    await keys.expectFocus((f) => f.testId === "add-lane");
    await keys.press("Enter");
    // The list opens a moment after Enter (later on a busy machine): arrows pressed before would be lost.
    await keys.expectFocus((f) => f.testId !== "add-lane" && !f.onBody);
    await keys.pressUntil("ArrowDown", (f) => f.text.includes("Risks"), 40);
    await keys.press("Enter");
    await keys.expectFocus((f) => f.testId === "rename");
    await keys.press("Enter");
    await eventually(async () => (await snapshot(mapId)).lanes.some((l) => l.type === "risks")).toBe(true);
    await eventually(() => editor.page.locator("[data-testid=lane-header][data-lane-type=risks]").count()).toBe(1);
  });

  it("exports, opens the settings from More, comments on a cell and on a card and presents, focus coming back each time", async () => {
    const { mapId, editor, keys } = await openMap();
    const page = editor.page;

    await keys.pressUntil("Tab", (f) => f.testId === "exchange-menu", 40);
    await keys.press("Enter");
    await keys.pressUntil("ArrowDown", (f) => f.testId === "open-export", 4);
    await keys.press("Enter");
    await keys.expectFocus((f) => f.testId === "export-format");
    const format = page.getByTestId("export-format");
    const before = await format.inputValue();
    await keys.press("ArrowDown");
    await eventually(() => format.inputValue()).not.toBe(before);
    await keys.press("Escape");
    await eventually(() => page.getByTestId("export-dialog").count()).toBe(0);
    await keys.expectFocus((f) => f.testId === "exchange-menu");

    await keys.pressUntil("Tab", (f) => f.testId === "more-tools", 10);
    await keys.press("Enter");
    await keys.pressUntil("Tab", (f) => f.testId === "open-settings", 4);
    await keys.press("Enter");
    await page.getByTestId("settings-drawer").waitFor();
    await keys.expectFocus((f) => f.within === "settings-drawer");
    await keys.press("Escape");
    await eventually(() => page.getByTestId("settings-drawer").count()).toBe(0);
    await keys.expectFocus((f) => f.testId === "more-tools");

    // A cell's comments: from the focused cell, the comment shortcut opens its threads with the cursor in the box.
    const steps = await editor.stepIds();
    const actions = await editor.laneIdOfType("actions");
    await keys.pressUntil("Tab", (f) => f.key !== "", 40);
    await keys.press("Control+Home");
    await keys.pressUntil("ArrowDown", (f) => f.key === `cell:${actions}:${steps[0]}`, 12);
    await keys.press("Control+Alt+m");
    await page.getByTestId("comments-panel").waitFor();
    await keys.expectFocus((f) => f.label === "Start a thread — type @ to mention someone");
    await keys.type("Is this step on mobile too?");
    await keys.press("Control+Enter");
    const threads = `/api/workspaces/${fx.workspaceId}/maps/${mapId}/comment-threads`;
    await eventually(async () =>
      (await fx.api<{ threads: Thread[] }>(fx.owner, "GET", threads)).threads.map((t) => [
        t.anchor.kind,
        t.anchor.laneId,
        t.comments[0]?.text,
      ]),
    ).toEqual([["cell", actions, "Is this step on mobile too?"]]);
    await keys.press("Escape");
    await eventually(() => page.getByTestId("comments-panel").count()).toBe(0);
    await keys.expectFocus((f) => f.key === `cell:${actions}:${steps[0]}`);

    // A card's comments: with the cursor in the card, the same shortcut (named on the card) opens the card's own.
    await keys.press("ArrowRight");
    await keys.expectFocus((f) => f.key === `cell:${actions}:${steps[1]}`);
    await keys.press("Enter");
    await keys.type("Reads the reviews");
    await keys.press("Enter", "Escape", "Enter");
    await keys.expectFocus((f) => f.card !== "" && f.shortcuts === "Control+Alt+M");
    const { card } = await keys.focused();
    await keys.press("Control+Alt+m");
    await page.getByTestId("comments-panel").waitFor();
    await keys.expectFocus((f) => f.label === "Start a thread — type @ to mention someone");
    await keys.type("Which reviews?");
    await keys.press("Control+Enter");
    await eventually(async () =>
      (await fx.api<{ threads: Thread[] }>(fx.owner, "GET", threads)).threads
        .filter((t) => t.anchor.kind === "card")
        .map((t) => [t.anchor.cardId, t.comments[0]?.text]),
    ).toEqual([[card, "Which reviews?"]]);
    await keys.press("Escape");
    await eventually(() => page.getByTestId("comments-panel").count()).toBe(0);
    await keys.expectFocus((f) => f.card === card);
    await keys.press("Escape");
    await keys.expectFocus((f) => f.key === `cell:${actions}:${steps[1]}`);

    // Presenting: the arrows move between stages, Escape leaves with focus back on the button.
    await keys.pressUntil("Shift+Tab", (f) => f.testId === "present", 60);
    await keys.press("Enter");
    const presentation = page.getByTestId("presentation");
    await presentation.waitFor();
    const shown = () => presentation.innerText();
    const first = await shown();
    await keys.press("ArrowRight");
    await eventually(shown).not.toBe(first);
    await keys.press("ArrowLeft");
    await eventually(shown).toBe(first);
    await keys.press("Escape");
    await eventually(() => presentation.count()).toBe(0);
    await keys.expectFocus((f) => f.testId === "present");
  });
});
