/// <reference lib="dom" />
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { eventually, startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";

const LANES = 24;
const STEPS = 8;

/** A map taller than any window: 24 lanes whose cells hold none to three short cards (as short as cards get). */
function tallMap() {
  return {
    version: 1,
    settings: { title: "Tall", type: "currentState" },
    stages: [{ id: "st", name: "Purchase", order: "a0" }],
    steps: Array.from({ length: STEPS }, (_, s) => ({ id: `s${s}`, stageId: "st", name: `Step ${s}`, order: `a${s}` })),
    lanes: Array.from({ length: LANES }, (_, l) => ({
      id: `l${l}`,
      type: "actions",
      name: `Lane ${l}`,
      order: `a${String(l).padStart(2, "0")}`,
    })),
    cells: Array.from({ length: LANES }, (_, l) =>
      Array.from({ length: STEPS }, (_, s) => ({
        laneId: `l${l}`,
        stepId: `s${s}`,
        cards: Array.from({ length: (l + s) % 4 }, (_, c) => ({
          id: `c${l}_${s}_${c}`,
          kind: "action",
          text: "Ok",
          order: `a${c}`,
        })),
      })),
    ).flat(),
    emotions: [],
  };
}

// What the page held the first time lane rows were in the DOM: that first frame must already fill the map's viewport.
const FIRST_FRAME_PROBE = `
  window.__firstFrame = null;
  new MutationObserver((_, observer) => {
    const rows = document.querySelectorAll("[data-testid=map-grid] [data-testid=lane-row]");
    if (rows.length === 0) return;
    observer.disconnect();
    const viewport = document.querySelector("[data-testid=map-viewport]").getBoundingClientRect();
    const lastCell = rows[rows.length - 1].querySelector("[data-testid=cell]").getBoundingClientRect();
    window.__firstFrame = { lanes: rows.length, lastBottom: lastCell.bottom, viewportBottom: viewport.bottom };
  }).observe(document, { childList: true, subtree: true });`;

// Opening a map renders only the lanes that fill the window in its first frame, the rest right after (issue 19).
describe("opening a map taller than the window", { timeout: 90_000 }, () => {
  let browser: Browser;
  let fx: EditorFixture;

  beforeAll(async () => {
    fx = await startEditorFixture();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  it("shows a full window of lanes in the first frame, then every lane and the add-lane control", async () => {
    const mapId = await fx.createMap({ snapshot: tallMap() });
    const page = await (await fx.context(browser, fx.owner)).newPage();
    await page.addInitScript({ content: FIRST_FRAME_PROBE });
    await page.goto(`${fx.server.url}/w/${fx.workspaceId}/maps/${mapId}`);
    await eventually(() => page.evaluate<unknown>("window.__firstFrame")).not.toBeNull();
    const first = await page.evaluate<{ lanes: number; lastBottom: number; viewportBottom: number }>(
      "window.__firstFrame",
    );
    expect(first.lanes).toBeLessThan(LANES);
    expect(first.lastBottom).toBeGreaterThanOrEqual(first.viewportBottom);

    const rows = page.locator("[data-testid=map-grid] [data-testid=lane-row]");
    await eventually(() => rows.count()).toBe(LANES);
    await page.getByTestId("add-lane").scrollIntoViewIfNeeded();
    await page.getByText(`Lane ${LANES - 1}`, { exact: true }).waitFor();
    await page.context().close();
  });
});
