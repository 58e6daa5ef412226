/// <reference lib="dom" />
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";
import { ExchangeDialogs } from "./pages/ExchangeDialogs.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";

const OJF = new URL(
  "../../shared/cjm-research-data/journey-maps/openjourney-ojf/ecommerce-purchase.ojf",
  import.meta.url,
);

/** The bytes of a browser download. */
async function bytesOf(download: { path(): Promise<string | null> }): Promise<Buffer> {
  return readFileSync((await download.path())!);
}

describe("export and import from the web app in a real browser", () => {
  let browser: Browser;
  let fx: EditorFixture;
  let mapId: string;
  const pages: Page[] = [];

  beforeAll(async () => {
    fx = await startEditorFixture();
    browser = await launchChromium();
    mapId = await fx.createMap({ templateId: "ecommerce" });
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.context().close();
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  async function open(path: string, locale = "en-US", user = fx.owner): Promise<Page> {
    const context = await fx.context(browser, user, locale);
    const page = await context.newPage();
    pages.push(page);
    if (path.includes("/maps/")) await new MapEditorPage(page).open(fx.server.url, fx.workspaceId, mapId);
    else await page.goto(fx.server.url + path);
    return page;
  }

  it("downloads the map as CSV, as Excel with Russian labels, as PDF and as PNG, from the editor's menu", async () => {
    const dialogs = new ExchangeDialogs(await open(`/w/${fx.workspaceId}/maps/${mapId}`));
    const csv = await dialogs.export("csv");
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    expect((await bytesOf(csv)).toString("utf8")).toMatch(/^\uFEFFStage,,,/);
    await dialogs.page.keyboard.press("Escape");

    const xlsx = await dialogs.export("xlsx", { lang: "ru" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytesOf(xlsx)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Карта",
      "Кривая эмоций",
      "Персоны",
      "Идеи",
      "KPI",
      "Боли и возможности",
      "Карточки",
      "О карте",
    ]);
    await dialogs.page.keyboard.press("Escape");

    const pdf = await dialogs.export("pdf", { paper: "A3", orientation: "portrait" });
    expect((await bytesOf(pdf)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await dialogs.page.keyboard.press("Escape");

    // A picture at the size chosen: as on screen, then by default twice as sharp (this map is far below 25 megapixels).
    const widthOf = (png: Buffer) => png.readUInt32BE(16);
    const screen = await bytesOf(await dialogs.export("png", { scale: "1" }));
    expect(screen.subarray(1, 4).toString("latin1")).toBe("PNG");
    await dialogs.page.keyboard.press("Escape");
    const sharp = await bytesOf(await dialogs.export("png"));
    expect(Math.abs(widthOf(sharp) - 2 * widthOf(screen))).toBeLessThan(4);
  });

  it("shows the export dialog in Persian, right to left", async () => {
    // The editor's account speaks Persian (the account's language wins over the browser's).
    await fx.api(fx.editor, "PATCH", "/api/auth/me", { locale: "fa" });
    const page = await open(`/w/${fx.workspaceId}/maps/${mapId}`, "fa-IR", fx.editor);
    await page.getByTestId("exchange-menu").click();
    await page.getByTestId("open-export").click();
    const dialog = page.getByTestId("export-dialog");
    expect(await dialog.innerText()).toContain("قالب");
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector("[data-testid=export-dialog]")!).direction),
    ).toBe("rtl");
  });

  it("previews an OpenJourney file, with what it leaves out, then creates the map and opens it", async () => {
    const home = await open(`/w/${fx.workspaceId}`);
    const dialogs = new ExchangeDialogs(home);
    const dialog = await dialogs.previewImport({
      name: "ecommerce-purchase.ojf",
      mimeType: "application/json",
      buffer: readFileSync(OJF),
    });
    const preview = dialog.getByTestId("import-preview");
    expect(await preview.getByTestId("import-stages").innerText()).toMatch(
      /Discovery[\s\S]*Research[\s\S]*Purchase[\s\S]*Onboarding/,
    );
    expect(await preview.getByTestId("import-counts").innerText()).toContain("4 stages");
    const dropped = await preview.getByTestId("import-dropped").innerText();
    expect(dropped).toContain("nodes[].tags — cards have no tags (4 nodes)");
    expect(dropped).toContain("Mobile");
    expect(await preview.getByTestId("import-personas").innerText()).toContain("Jane Doe, First-time Homeowner");
    await dialog.getByTestId("import-create").click();
    await home.waitForURL(/\/maps\/map_\w+$/);
    await new MapEditorPage(home).waitForGrid();
    expect(await home.getByTestId("map-grid").innerText()).toContain("Hidden Shipping Fees");
  });

  it("names the line of a broken file and creates nothing", async () => {
    const before = (await fx.api<unknown[]>(fx.owner, "GET", `/api/workspaces/${fx.workspaceId}/maps`)).length;
    const dialogs = new ExchangeDialogs(await open(`/w/${fx.workspaceId}`));
    const dialog = await dialogs.previewImport({
      name: "day.mmd",
      mimeType: "text/plain",
      buffer: Buffer.from("journey\n  section Morning\n    Tea: lots: Me\n"),
    });
    expect(await dialog.getByTestId("exchange-error").innerText()).toContain('line 3: score "lots" is not a number');
    expect(await dialog.getByTestId("import-create").isDisabled()).toBe(true);
    expect((await fx.api<unknown[]>(fx.owner, "GET", `/api/workspaces/${fx.workspaceId}/maps`)).length).toBe(before);
  });

  it("offers viewers export but neither import nor share links", async () => {
    const home = await open(`/w/${fx.workspaceId}`, "en-US", fx.viewer);
    await home.getByTestId("map-row").first().waitFor();
    expect(await home.getByTestId("import-map").count()).toBe(0);
    const page = await open(`/w/${fx.workspaceId}/maps/${mapId}`, "en-US", fx.viewer);
    await page.getByTestId("exchange-menu").click();
    expect(await page.getByTestId("open-export").count()).toBe(1);
    expect(await page.getByTestId("open-share").count()).toBe(0);
  });
});
