import ExcelJS from "exceljs";
import { LOCALES } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { exportExcelWorkbook } from "../mapExport/excelWorkbook.js";
import { demoExportInput, templateExportInput } from "../mapExport/exportFixtures.js";
import { babyFoodMap } from "../demo/demoMapBaby.js";
import { backupPurchaseMap } from "../demo/demoMapBackup.js";
import { normalizeSnapshot } from "./normalizeSnapshot.js";
import { parseGridWorkbook } from "./parseGridWorkbook.js";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("Excel export and import", () => {
  it("round-trips the demo maps: export → import gives the identical map, touchpoints and personas included", async () => {
    for (const spec of [undefined, backupPurchaseMap, babyFoodMap]) {
      const input = demoExportInput(spec);
      const draft = await parseGridWorkbook(await exportExcelWorkbook(input), "map.xlsx");
      expect(normalizeSnapshot(draft.snapshot)).toEqual(normalizeSnapshot(input.snapshot));
      expect(draft.report.dropped).toEqual([]);
      expect(draft.personas.map((p) => p.oldId).sort()).toEqual(input.snapshot.settings.personaIds.slice().sort());
      const used = new Set(
        input.snapshot.cells.flatMap((c) =>
          c.cards.flatMap((k) => (k.kind === "touchpoint" ? [k.touchpointId as string] : [])),
        ),
      );
      expect(draft.touchpoints.map((t) => t.oldId).sort()).toEqual([...used].sort());
      for (const t of draft.touchpoints)
        expect(t.fields.name).toBe(input.touchpoints.find((x) => x.id === t.oldId)!.name);
    }
  });

  it("lays the grid out with merged stage headers, numeric emotions, hidden lanes hidden and Persian right to left", async () => {
    const input = demoExportInput();
    const hiddenLane = input.snapshot.lanes[1]!;
    input.snapshot.lanes[1] = { ...hiddenLane, hidden: true };
    const wb = await load(await exportExcelWorkbook(input));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Map",
      "Emotion curve",
      "Personas",
      "Ideas",
      "KPIs",
      "Pain points & opportunities",
      "Descriptions",
      "Cards",
      "About",
    ]);
    const grid = wb.getWorksheet("Map")!;
    expect(grid.getCell("A1").value).toBe(input.snapshot.settings.title);
    expect(grid.getCell("A2").value).toBe("Stage");
    const firstStage = input.snapshot.stages[0]!;
    const stepsInFirst = input.snapshot.steps.filter((s) => s.stageId === firstStage.id).length;
    expect(grid.getCell(2, 4).value).toBe(firstStage.name);
    expect(grid.getCell(2, 4 + stepsInFirst - 1).isMerged).toBe(true);
    expect(grid.getCell(2, 4 + stepsInFirst).value).toBe(input.snapshot.stages[1]!.name);
    expect(grid.getCell(3, 4).value).toBe(input.snapshot.steps[0]!.name);
    const emotionRow = [...Array(grid.rowCount).keys()]
      .map((i) => grid.getRow(i + 1))
      .find((r) => r.getCell(2).value === "Emotions")!;
    expect(typeof emotionRow.getCell(4).value).toBe("number");
    const hiddenRow = [...Array(grid.rowCount).keys()]
      .map((i) => grid.getRow(i + 1))
      .find((r) => r.getCell(1).value === hiddenLane.name)!;
    expect(hiddenRow.hidden).toBe(true);
    const persian = await load(await exportExcelWorkbook(templateExportInput("fa")));
    expect(persian.worksheets[0]!.name).toBe("نقشه");
    expect(persian.worksheets[0]!.views[0]?.rightToLeft).toBe(true);
  });

  it("names its sheets and headers in each of the five languages and reads each back", async () => {
    for (const locale of LOCALES) {
      const input = templateExportInput(locale);
      const bytes = await exportExcelWorkbook(input);
      const wb = await load(bytes);
      expect(new Set(wb.worksheets.map((w) => w.name)).size).toBe(8);
      const draft = await parseGridWorkbook(bytes, "map.xlsx");
      expect(normalizeSnapshot(draft.snapshot)).toEqual(normalizeSnapshot(input.snapshot));
    }
  });

  it("reads a grid edited by hand: changed text becomes cards of the lane's kind, bad numbers name their cell", async () => {
    const input = demoExportInput();
    const wb = await load(await exportExcelWorkbook(input));
    const grid = wb.getWorksheet("Map")!;
    const rows = [...Array(grid.rowCount).keys()].map((i) => grid.getRow(i + 1));
    const pains = rows.find((r) => r.getCell(2).value === "Pain points")!;
    pains.getCell(4).value = "• Ad shows the wrong price [5/5]\n• Ad loads slowly";
    const edited = await parseGridWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), "edited.xlsx");
    const lane = edited.snapshot.lanes.find((l) => l.type === "painPoints")!;
    const cell = edited.snapshot.cells.find((c) => c.laneId === lane.id && c.stepId === edited.snapshot.steps[0]!.id)!;
    expect(cell.cards.map((c) => (c.kind === "painPoint" ? [c.text, c.severity] : []))).toEqual([
      ["Ad shows the wrong price", 5],
      ["Ad loads slowly", 3],
    ]);
    const emotions = rows.find((r) => r.getCell(2).value === "Emotions")!;
    emotions.getCell(5).value = "quite happy";
    await expect(parseGridWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), "edited.xlsx")).rejects.toThrow(
      `Map!E${emotions.number}: "quite happy" is not a number`,
    );
  });

  it("refuses a file that is not a workbook, or a workbook without a grid, naming the file", async () => {
    await expect(
      parseGridWorkbook(new TextEncoder().encode("PK\u0003\u0004 not really"), "broken.xlsx"),
    ).rejects.toThrow(/broken\.xlsx: not a readable Excel workbook/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").addRow(["Item", "Cost"]);
    await expect(parseGridWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), "budget.xlsx")).rejects.toThrow(
      /budget\.xlsx: no sheet with a "Stage" row/,
    );
  });
});
