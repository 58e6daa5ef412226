import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { exportExcelWorkbook } from "./excelWorkbook.js";
import { demoExportInput } from "./exportFixtures.js";
import type { ExportInput } from "./ExportInput.js";
import { exportPptxDeck } from "./pptxDeck.js";

/** The demo map with a described stage and step (the demo's touchpoints are described already). */
function describedInput(locale: ExportInput["locale"]): ExportInput {
  const input = demoExportInput(undefined, locale);
  const [stage] = input.snapshot.stages;
  const step = input.snapshot.steps.find((s) => s.stageId === stage!.id)!;
  return {
    ...input,
    snapshot: {
      ...input.snapshot,
      stages: input.snapshot.stages.map((s) =>
        s === stage ? { ...s, description: "Where the buyer first hears of us" } : s,
      ),
      steps: input.snapshot.steps.map((s) =>
        s === step ? { ...s, description: "Scrolls past an advert on a phone" } : s,
      ),
    },
  };
}

async function slideText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  const xml = await Promise.all(slides.map((n) => zip.file(n)!.async("string")));
  // PowerPoint text comes in runs (pptxgenjs writes a run per word): a paragraph's text is its runs joined.
  return xml
    .flatMap((x) => [...x.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)])
    .map((p) => [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(""))
    .join("\n");
}

describe("descriptions of stages, steps and touchpoints in the readable exports", () => {
  const input = describedInput("en");
  const touchpoint = input.touchpoints.find(
    (t) =>
      t.description &&
      input.snapshot.cells.some((c) => c.cards.some((k) => k.kind === "touchpoint" && k.touchpointId === t.id)),
  )!;

  it("the Excel workbook has a Descriptions sheet with the stage's, the step's and a touchpoint's description", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportExcelWorkbook(input)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Descriptions");
    expect(sheet).toBeDefined();
    const rows = sheet!.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1).join(" | ")] : []));
    expect(rows[0]).toBe("Kind | Stage | Name | Channel | Description");
    expect(rows).toContain(`Stage |  | ${input.snapshot.stages[0]!.name} |  | Where the buyer first hears of us`);
    expect(rows.some((r) => r.startsWith("Step | ") && r.endsWith("Scrolls past an advert on a phone"))).toBe(true);
    expect(
      rows.some((r) => r.startsWith(`Touchpoint |  | ${touchpoint.name} | `) && r.endsWith(touchpoint.description)),
    ).toBe(true);
  });

  it("the PowerPoint deck prints the same descriptions, with the headings in the deck's language", async () => {
    const english = await slideText(await exportPptxDeck(input));
    expect(english.includes("Where the buyer first hears of us")).toBe(true);
    expect(english.includes("Scrolls past an advert on a phone")).toBe(true);
    const persian = await slideText(await exportPptxDeck(describedInput("fa")));
    expect(persian.includes("توضیحات")).toBe(true);
    expect(persian.includes("Scrolls past an advert on a phone")).toBe(true);
  });

  it("adds no sheet when nothing on the map is described", async () => {
    const bare = demoExportInput();
    const plain: ExportInput = { ...bare, touchpoints: bare.touchpoints.map((t) => ({ ...t, description: "" })) };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportExcelWorkbook(plain)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Descriptions")).toBeUndefined();
  });
});
