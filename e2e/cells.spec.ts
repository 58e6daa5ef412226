/// <reference lib="dom" />
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";

interface Card {
  id: string;
  kind: string;
  [field: string]: unknown;
}
interface Snapshot {
  cells: Array<{ laneId: string; stepId: string; cards: Card[] }>;
}

const LANES = ["touchpoints", "actions", "painPoints", "kpis", "images", "links"] as const;

/** A map with one stage, two steps and a lane of each type under test (ids: the lane type; steps s1, s2). */
function cellsMap(cards: Array<{ laneId: string; stepId: string; cards: Array<Record<string, unknown>> }> = []) {
  return {
    version: 1,
    settings: { title: "Cells", type: "currentState" },
    stages: [{ id: "st", name: "Purchase", order: "a0" }],
    steps: [
      { id: "s1", stageId: "st", name: "Fills the cart", order: "a0" },
      { id: "s2", stageId: "st", name: "Pays", order: "a1" },
    ],
    lanes: LANES.map((type, i) => ({ id: type, type, name: "", order: `a${i}` })),
    cells: cards,
    emotions: [],
  };
}

/** The cell editor of one cell, as a user drives it. */
class CellEditor {
  constructor(
    readonly editor: MapEditorPage,
    readonly cell: Locator,
  ) {}

  get page(): Page {
    return this.editor.page;
  }

  /** Selects the cell and presses Enter, as a keyboard user enters edit mode. */
  async edit(): Promise<this> {
    await this.cell.click();
    await this.cell.press("Enter");
    await expect.poll(() => this.cell.getAttribute("data-editing")).toBe("true");
    return this;
  }

  async leave(): Promise<void> {
    await this.page.keyboard.press("Escape");
    await expect.poll(() => this.cell.getAttribute("data-editing")).toBeNull();
  }
}

// Generous: the browser shares two cores with the server and the test runner.
describe("cell editors in a real browser", { timeout: 90_000 }, () => {
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

  const cardsAt = async (mapId: string, laneId: string, stepId: string) => {
    const { snapshot } = await fx.api<{ snapshot: Snapshot }>(
      fx.owner,
      "GET",
      `/api/workspaces/${fx.workspaceId}/maps/${mapId}`,
    );
    return snapshot.cells.find((c) => c.laneId === laneId && c.stepId === stepId)?.cards ?? [];
  };

  async function openMap(mapId: string, locale = "en-US", uiLanguage?: string): Promise<MapEditorPage> {
    const page = await (await fx.context(browser, fx.owner, locale)).newPage();
    // The language chosen on this device wins over the account's (English here).
    if (uiLanguage) await page.addInitScript((code) => localStorage.setItem("opencjm.locale", code), uiLanguage);
    return new MapEditorPage(page).open(fx.server.url, fx.workspaceId, mapId);
  }

  it("creates a touchpoint from the picker and puts it on the map with its channel icon", async () => {
    const mapId = await fx.createMap({ snapshot: cellsMap() });
    const editor = await openMap(mapId);
    const cell = await new CellEditor(editor, editor.cell("touchpoints", "s1")).edit();
    await editor.page.keyboard.type("Parcel locker pickup");
    await cell.cell.getByRole("option", { name: "Create touchpoint “Parcel locker pickup”" }).waitFor();
    await editor.page.keyboard.press("Enter");
    const form = cell.cell.getByRole("form", { name: "New touchpoint" });
    await form.getByRole("combobox", { name: "Channel" }).selectOption("delivery");
    await form.getByRole("button", { name: "Create" }).click();
    await expect.poll(async () => (await cardsAt(mapId, "touchpoints", "s1")).length).toBe(1);
    const [card] = await cardsAt(mapId, "touchpoints", "s1");
    const touchpoints = await fx.api<Array<{ id: string; name: string; channelId: string; medium: string }>>(
      fx.owner,
      "GET",
      `/api/workspaces/${fx.workspaceId}/touchpoints`,
    );
    expect(touchpoints.find((t) => t.id === card!.touchpointId)).toMatchObject({
      name: "Parcel locker pickup",
      channelId: "delivery",
      medium: "physical",
    });
    await cell.leave();
    await expect.poll(() => cell.cell.innerText()).toContain("Parcel locker pickup");
    expect(await cell.cell.locator("[data-icon]").first().getAttribute("data-icon")).toBe("truck");
    await editor.page.context().close();
  });

  it("drags a card to another cell and it moves on the map", async () => {
    const mapId = await fx.createMap({
      snapshot: cellsMap([
        {
          laneId: "actions",
          stepId: "s1",
          cards: [
            { id: "c1", kind: "action", text: "Compares prices", order: "a0" },
            { id: "c2", kind: "action", text: "Reads reviews", order: "a1" },
          ],
        },
      ]),
    });
    const editor = await openMap(mapId);
    await editor.cell("actions", "s1").getByText("Compares prices").dragTo(editor.cell("actions", "s2"));
    await expect
      .poll(async () => (await cardsAt(mapId, "actions", "s2")).map((c) => c.text))
      .toEqual(["Compares prices"]);
    expect((await cardsAt(mapId, "actions", "s1")).map((c) => c.text)).toEqual(["Reads reviews"]);
    await expect.poll(() => editor.cell("actions", "s2").innerText()).toContain("Compares prices");
    await editor.page.context().close();
  });

  it("shrinks an uploaded picture to a thumbnail that fits on the card, and shows it", async () => {
    const mapId = await fx.createMap({ snapshot: cellsMap() });
    const editor = await openMap(mapId);
    // A 1600 × 1200 picture drawn in the browser, as a phone photo would arrive (a JPEG of tens of KB or more).
    const photo = await editor.page.evaluate(async () => {
      const canvas = new OffscreenCanvas(1600, 1200);
      const g = canvas.getContext("2d")!;
      const gradient = g.createLinearGradient(0, 0, 1600, 1200);
      gradient.addColorStop(0, "#2d5fb8");
      gradient.addColorStop(1, "#f6ad55");
      g.fillStyle = gradient;
      g.fillRect(0, 0, 1600, 1200);
      g.fillStyle = "#fff";
      for (let i = 0; i < 40; i++) g.fillRect((i * 97) % 1500, (i * 61) % 1100, 60, 40);
      const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.92 });
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    });
    const cell = await new CellEditor(editor, editor.cell("images", "s1")).edit();
    await cell.cell
      .getByTestId("image-file")
      .setInputFiles({ name: "shelf.jpg", mimeType: "image/jpeg", buffer: Buffer.from(photo) });
    await expect.poll(async () => (await cardsAt(mapId, "images", "s1")).length).toBe(1);
    const [card] = await cardsAt(mapId, "images", "s1");
    const url = String(card!.url);
    expect(url).toMatch(/^data:image\/(webp|jpeg);base64,/);
    expect(url.length).toBeLessThanOrEqual(2048);
    await cell.leave();
    const img = cell.cell.locator("img");
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(31);
    const size = await img.evaluate((el) => [
      (el as HTMLImageElement).naturalWidth,
      (el as HTMLImageElement).naturalHeight,
    ]);
    expect(Math.abs(size[0]! / size[1]! - 4 / 3)).toBeLessThan(0.05);
    await editor.page.context().close();
  });

  it("explains the limit when 100 KB of text is pasted, saves nothing, and shows HTML as text", async () => {
    const mapId = await fx.createMap({ snapshot: cellsMap() });
    const editor = await openMap(mapId);
    const cell = await new CellEditor(editor, editor.cell("actions", "s1")).edit();
    await editor.page.keyboard.insertText("x".repeat(100_000));
    await editor.page.keyboard.press("Enter");
    await cell.cell.getByRole("alert").waitFor();
    expect(await cell.cell.getByRole("alert").innerText()).toContain("100,000");
    expect(await cardsAt(mapId, "actions", "s1")).toEqual([]);
    await cell.cell
      .getByRole("textbox")
      .fill('<img src=x onerror="document.title=1"><script>document.title=2</script>');
    await editor.page.keyboard.press("Enter");
    await cell.leave();
    await expect.poll(() => cell.cell.innerText()).toContain("<script>document.title=2</script>");
    expect(await cell.cell.locator("script, img").count()).toBe(0);
    expect(await editor.page.title()).not.toMatch(/^[12]$/);
    await editor.page.context().close();
  });

  it("keeps text typed into a card when the user clicks elsewhere, and undoes it as one step", async () => {
    const mapId = await fx.createMap({
      snapshot: cellsMap([
        {
          laneId: "painPoints",
          stepId: "s1",
          cards: [{ id: "p1", kind: "painPoint", text: "Fees", severity: 2, order: "a0" }],
        },
      ]),
    });
    const editor = await openMap(mapId);
    const cell = await new CellEditor(editor, editor.cell("painPoints", "s1")).edit();
    await cell.cell.getByRole("textbox", { name: "Pain point", exact: true }).press("End");
    await editor.page.keyboard.type(" shown at the last step");
    await cell.cell.getByRole("radio", { name: "Severity 5 of 5" }).check({ force: true });
    await editor.cell("actions", "s2").click();
    await expect
      .poll(async () => (await cardsAt(mapId, "painPoints", "s1"))[0])
      .toMatchObject({ text: "Fees shown at the last step", severity: 5 });
    await expect.poll(() => cell.cell.getByRole("img", { name: "Severity 5 of 5" }).count()).toBe(1);
    await editor.undoButton().click();
    await expect
      .poll(async () => (await cardsAt(mapId, "painPoints", "s1"))[0])
      .toMatchObject({ text: "Fees shown at the last step", severity: 2 });
    await editor.page.context().close();
  });

  it("mirrors cards in Persian: the evidence marker on the right, numbers in Persian digits", async () => {
    const mapId = await fx.createMap({
      snapshot: cellsMap([
        {
          laneId: "painPoints",
          stepId: "s1",
          cards: [{ id: "p1", kind: "painPoint", text: "هزینهٔ ارسال دیر نمایش داده می‌شود", severity: 4, order: "a0" }],
        },
        {
          laneId: "kpis",
          stepId: "s1",
          cards: [{ id: "k1", kind: "kpi", name: "نرخ تبدیل", unit: "%", actual: 2.5, target: 3, order: "a0" }],
        },
      ]),
    });
    const editor = await openMap(mapId, "fa-IR", "fa");
    const card = editor.cell("painPoints", "s1").locator("[data-card-id=p1]");
    await card.waitFor();
    const marker = (await card.locator("[role=img][data-evidence]").boundingBox())!;
    const text = (await card.getByText("هزینهٔ ارسال دیر نمایش داده می‌شود").boundingBox())!;
    expect(marker.x).toBeGreaterThan(text.x + text.width - 1);
    const kpi = await editor.cell("kpis", "s1").innerText();
    expect(kpi).toContain("۲٫۵");
    expect(kpi).toContain("خارج از مسیر");
    await editor.page.context().close();
  });
});
