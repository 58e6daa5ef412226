/// <reference lib="dom" />
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { eventually, startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";
import { RAW_KEY } from "./pages/appServer.js";

/** Text that looks like a catalogue key (`namespace.key`) leaked onto the screen. */
const LANGUAGES = [
  { code: "en", settings: "Map settings" },
  { code: "zh-Hant", settings: "地圖設定" },
  { code: "zh-Hans", settings: "地图设置" },
  { code: "ru", settings: "Настройки карты" },
  { code: "fa", settings: "تنظیمات نقشه" },
];

describe("map editor in every language", () => {
  let browser: Browser;
  let fx: EditorFixture;
  let mapId: string;
  let personaId: string;
  let steps: string[];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fx = await startEditorFixture();
    browser = await launchChromium();
    personaId = (
      await fx.api<{ id: string }>(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/personas`, {
        name: "مینا Mina",
      })
    ).id;
    mapId = await fx.createMap({ templateId: "awareness-to-advocacy", personaIds: [personaId], locale: "fa" });
    const { snapshot } = await fx.api<{ snapshot: { steps: Array<{ id: string }> } }>(
      fx.owner,
      "GET",
      `/api/workspaces/${fx.workspaceId}/maps/${mapId}`,
    );
    steps = snapshot.steps.map((s) => s.id);
    await fx.api(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/maps/${mapId}/operations`, {
      operations: [
        { op: "setEmotion", personaId, stepId: steps[0], value: 1, note: "کنجکاو curious 3×" },
        { op: "setEmotion", personaId, stepId: steps.at(-1), value: -1 },
      ],
    });
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  async function open(locale: string): Promise<MapEditorPage> {
    const context = await fx.context(browser, fx.owner, locale);
    contexts.push(context);
    // The language chosen on this device, as the language switcher remembers it.
    await context.addInitScript((code) => localStorage.setItem("opencjm.locale", code), locale);
    return new MapEditorPage(await context.newPage()).open(fx.server.url, fx.workspaceId, mapId);
  }

  for (const lang of LANGUAGES) {
    it(`opens the editor in ${lang.code} with no untranslated keys, in the menus and the settings too`, async () => {
      const editor = await open(lang.code);
      expect(await editor.page.evaluate(() => document.documentElement.lang)).toBe(lang.code);
      expect(await editor.page.locator("body").innerText()).not.toMatch(RAW_KEY);
      // The map settings are under "More" on the editor's bar.
      await editor.page.getByTestId("more-tools").click();
      expect(await editor.page.getByTestId("open-settings").innerText()).toBe(lang.settings);
      expect(await editor.page.locator("body").innerText()).not.toMatch(RAW_KEY);
      await editor.page.keyboard.press("Escape");
      const [stage] = await editor.stageIds();
      await editor.stageHeader(stage!).hover();
      await editor.stageHeader(stage!).getByTestId("header-menu").click();
      await editor.page.getByRole("menu").waitFor();
      await editor.page.getByTestId("add-lane").click();
      await editor.page.getByTestId("more-tools").click();
      await editor.page.getByTestId("open-settings").click();
      await editor.page.getByTestId("settings-drawer").waitFor();
      const text = await editor.page.locator("body").innerText();
      expect(text).not.toMatch(RAW_KEY);
      // Every aria-label and title is translated as well.
      const labels = await editor.page
        .locator("[aria-label], [title]")
        .evaluateAll((els) =>
          els.map((e) => `${e.getAttribute("aria-label") ?? ""} ${e.getAttribute("title") ?? ""}`).join("\n"),
        );
      expect(labels).not.toMatch(RAW_KEY);
    });
  }

  it("lays the Persian editor out right to left: the first stage on the right, lane titles on the right, the curve starting on the right", async () => {
    const editor = await open("fa");
    expect(await editor.page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    const [first, second] = await editor.stageIds();
    const a = (await editor.stageHeader(first!).boundingBox())!;
    const b = (await editor.stageHeader(second!).boundingBox())!;
    expect(a.x).toBeGreaterThan(b.x);
    const lane = await editor.laneIdOfType("actions");
    const title = (await editor.laneHeader(lane).boundingBox())!;
    const cell = (await editor.cell(lane, steps[0]!).boundingBox())!;
    expect(title.x).toBeGreaterThan(cell.x);
    const start = editor.emotionPoint(personaId, steps[0]!);
    await start.scrollIntoViewIfNeeded();
    const startBox = (await start.boundingBox())!;
    const endBox = (await editor.emotionPoint(personaId, steps.at(-1)!).boundingBox())!;
    expect(startBox.x).toBeGreaterThan(endBox.x);
    // The point for the first step sits over the first step's column.
    const stepBox = (await editor.stepHeader(steps[0]!).boundingBox())!;
    expect(startBox.x + startBox.width / 2).toBeGreaterThan(stepBox.x);
    expect(startBox.x + startBox.width / 2).toBeLessThan(stepBox.x + stepBox.width);
    // Mixed Persian, Latin and numbers keep their own direction inside the note.
    expect(await editor.cell(await editor.laneIdOfType("emotion"), steps[0]!).innerText()).toContain(
      "کنجکاو curious 3×",
    );
  });

  it("in Persian, End takes the focus to the last step, rendering and scrolling it into view on the left", async () => {
    const editor = await open("fa");
    const lane = await editor.laneIdOfType("actions");
    expect(await editor.cell(lane, steps.at(-1)!).count()).toBe(0);
    await editor.cell(lane, steps[0]!).click();
    await editor.page.keyboard.press("End");
    await eventually(() => editor.focusedKey()).toBe(`cell:${lane}:${steps.at(-1)}`);
    const box = (await editor.cell(lane, steps.at(-1)!).boundingBox())!;
    const view = (await editor.page.getByTestId("map-viewport").boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(view.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(view.x + view.width + 1);
    await editor.page.keyboard.press("Home");
    await eventually(() => editor.focusedKey()).toBe(`cell:${lane}:${steps[0]}`);
  });

  it("lays the English editor out left to right, as the mirror image", async () => {
    const editor = await open("en");
    const [first, second] = await editor.stageIds();
    expect((await editor.stageHeader(first!).boundingBox())!.x).toBeLessThan(
      (await editor.stageHeader(second!).boundingBox())!.x,
    );
    const startBox = (await editor.emotionPoint(personaId, steps[0]!).boundingBox())!;
    const endBox = (await editor.emotionPoint(personaId, steps.at(-1)!).boundingBox())!;
    expect(startBox.x).toBeLessThan(endBox.x);
  });
});
