/// <reference lib="dom" />
import type { Locator, Page } from "playwright-core";
import { eventually } from "../mapEditorFixture.js";

/** The map editor screen, as a user sees and drives it. */
export class MapEditorPage {
  constructor(readonly page: Page) {}

  /** Opens a map and waits until its grid is on screen. */
  async open(baseUrl: string, workspaceId: string, mapId: string): Promise<this> {
    await this.page.goto(`${baseUrl}/w/${workspaceId}/maps/${mapId}`);
    await this.waitForGrid();
    return this;
  }

  async waitForGrid(): Promise<void> {
    await this.page.getByTestId("map-grid").waitFor();
  }

  get grid(): Locator {
    return this.page.getByTestId("map-grid");
  }

  cell(laneId: string, stepId: string): Locator {
    return this.page.locator(`[data-testid=cell][data-lane-id="${laneId}"][data-step-id="${stepId}"]`);
  }

  stageHeaders(): Locator {
    return this.page.getByTestId("stage-header");
  }

  stageHeader(stageId: string): Locator {
    return this.page.locator(`[data-testid=stage-header][data-stage-id="${stageId}"]`);
  }

  stepHeader(stepId: string): Locator {
    return this.page.locator(`[data-testid=step-header][data-step-id="${stepId}"]`);
  }

  laneHeader(laneId: string): Locator {
    return this.page.locator(`[data-testid=lane-header][data-lane-id="${laneId}"]`);
  }

  /** The stage names in screen order (reading order of the DOM). */
  async stageNames(): Promise<string[]> {
    return (await this.stageHeaders().allInnerTexts()).map((t) => t.replace(/⋯/g, "").trim());
  }

  /** The lane header of the first lane of a type. */
  laneOfType(type: string): Locator {
    return this.page.locator(`[data-testid=lane-header][data-lane-type="${type}"]`).first();
  }

  /** The id of the first lane of a type. */
  async laneIdOfType(type: string): Promise<string> {
    return (await this.laneOfType(type).getAttribute("data-lane-id"))!;
  }

  /** Step ids in column order. */
  async stepIds(): Promise<string[]> {
    return this.page.getByTestId("step-header").evaluateAll((els) => els.map((e) => e.getAttribute("data-step-id")!));
  }

  /** Stage ids in order. */
  async stageIds(): Promise<string[]> {
    return this.stageHeaders().evaluateAll((els) => els.map((e) => e.getAttribute("data-stage-id")!));
  }

  emotionPoint(personaId: string, stepId: string): Locator {
    return this.page.locator(`[data-testid=emotion-point][data-persona-id="${personaId}"][data-step-id="${stepId}"]`);
  }

  emotionGhost(personaId: string, stepId: string): Locator {
    return this.page.locator(`[data-testid=emotion-ghost][data-persona-id="${personaId}"][data-step-id="${stepId}"]`);
  }

  /** Drags an emotion point (or ghost) vertically by `dy` pixels with the mouse. */
  async dragVertically(point: Locator, dy: number): Promise<void> {
    const box = (await point.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    for (let i = 1; i <= 5; i++) await this.page.mouse.move(x, y + (dy * i) / 5);
    await this.page.mouse.up();
  }

  /** The element holding keyboard focus, by its focus key. */
  async focusedKey(): Promise<string | null> {
    return this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focusKey ?? null);
  }

  connectionStatus(): Locator {
    return this.page.getByTestId("connection-status");
  }

  undoButton(): Locator {
    return this.page.getByTestId("undo");
  }

  redoButton(): Locator {
    return this.page.getByTestId("redo");
  }

  /** Chooses an item of a header's "⋯" menu. */
  async headerMenu(header: Locator, item: string): Promise<void> {
    await header.hover();
    await header.getByTestId("header-menu").click();
    await this.page.getByRole("menuitem", { name: item }).click();
  }

  /** Waits until the text appears in the grid. */
  async expectGridText(text: string): Promise<void> {
    await eventually(() => this.grid.innerText()).toContain(text);
  }
}
