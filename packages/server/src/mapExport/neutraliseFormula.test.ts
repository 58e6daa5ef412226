import { neutraliseFormula, restoreFormulaText } from "@opencjm/core";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseGridCsv } from "../mapImport/parseGridCsv.js";
import { parseGridWorkbook } from "../mapImport/parseGridWorkbook.js";
import { exportExcelWorkbook } from "./excelWorkbook.js";
import { demoExportInput } from "./exportFixtures.js";
import { exportGridCsv } from "./gridCsv.js";

const HOSTILE = [
  '=HYPERLINK("http://evil.example","click")',
  "+1+2",
  "-2+3",
  "@SUM(A1:A2)",
  "\t=1+1",
  "\r=1+1",
  "'=already quoted",
];

function hostileInput() {
  const input = demoExportInput();
  const lane = input.snapshot.lanes.find((l) => l.type === "actions")!;
  const cell = input.snapshot.cells.find((c) => c.laneId === lane.id)!;
  cell.cards = HOSTILE.map((text, i) => ({
    id: `h${i}`,
    order: `a${i}`,
    kind: "action" as const,
    text,
    evidence: { level: "assumption" as const, refs: [] },
  }));
  input.snapshot.stages[0] = { ...input.snapshot.stages[0]!, name: "=cmd|'/c calc'!A0" };
  return { input, stepIndex: input.snapshot.steps.findIndex((s) => s.id === cell.stepId) };
}

describe("formula injection", () => {
  it("puts an apostrophe before =, +, -, @, tab and carriage return, and takes exactly one away on import", () => {
    for (const value of HOSTILE) {
      expect(neutraliseFormula(value).startsWith("'")).toBe(true);
      expect(restoreFormulaText(neutraliseFormula(value))).toBe(value);
    }
    expect(neutraliseFormula("Plain text")).toBe("Plain text");
    expect(neutraliseFormula("-2")).toBe("'-2");
  });

  it("no CSV cell starts with a formula character, and the map reads back unchanged", () => {
    const { input } = hostileInput();
    const csv = exportGridCsv(input);
    const rows = parse(csv, { bom: true, relax_column_count: true }) as string[][];
    for (const [r, row] of rows.entries()) {
      const isEmotion = row[1] === "Emotions";
      row.forEach((cell, c) => {
        if (isEmotion && c >= 3) return;
        expect([r, c, /^[=+\-@\t\r]/.test(cell)]).toEqual([r, c, false]);
      });
    }
    const draft = parseGridCsv(new TextEncoder().encode(csv), "hostile.csv");
    expect(draft.snapshot.stages[0]!.name).toBe("=cmd|'/c calc'!A0");
  });

  it("no Excel text cell starts with a formula character, none is a formula, and the map reads back unchanged", async () => {
    const { input, stepIndex } = hostileInput();
    const bytes = await exportExcelWorkbook(input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === "string")
            expect([ws.name, cell.address, /^[=+\-@\t\r]/.test(cell.value)]).toEqual([ws.name, cell.address, false]);
        }),
      );
    }
    const draft = await parseGridWorkbook(bytes, "hostile.xlsx");
    const lane = draft.snapshot.lanes.find((l) => l.type === "actions")!;
    const cell = draft.snapshot.cells.find(
      (c) => c.laneId === lane.id && c.stepId === draft.snapshot.steps[stepIndex]!.id,
    )!;
    expect(cell.cards.map((c) => (c.kind === "action" ? c.text : ""))).toEqual(HOSTILE);
  });
});
