import { neutraliseFormula } from "@opencjm/core";
import { exportLabel } from "./exportLabels.js";
import type { ExportInput } from "./ExportInput.js";
import { buildMapGrid, type MapGrid } from "./mapGrid.js";

/** The grid as rows of strings: a stage row, a step row, then one row per lane (per persona on emotion lanes). */
export function gridTable(grid: MapGrid, input: ExportInput): string[][] {
  const { locale } = input;
  const stageRow = [
    exportLabel(locale, "stage"),
    "",
    "",
    ...grid.stages.flatMap((g) => g.steps.map(() => g.stage.name)),
  ];
  const stepRow = [
    exportLabel(locale, "step"),
    exportLabel(locale, "laneType"),
    exportLabel(locale, "persona"),
    ...grid.steps.map((s) => s.name),
  ];
  const laneRows = grid.rows.map((row) =>
    row.kind === "emotion"
      ? [
          row.lane.name,
          row.typeName,
          row.persona?.name ?? row.personaId,
          ...row.values.map((v) => (v === undefined ? "" : String(v))),
        ]
      : [row.lane.name, row.typeName, "", ...row.cells],
  );
  return [stageRow, stepRow, ...laneRows];
}

/** One RFC 4180 field, made formula-safe. */
function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The map grid as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read CJK and Persian correctly). */
export function exportGridCsv(input: ExportInput): string {
  const grid = buildMapGrid(input, { includeHidden: true });
  // Emotion values are numbers and may be negative: they are written as numbers, not neutralised as text.
  const rows = gridTable(grid, input);
  const lines = rows.map((r, i) => {
    const row = grid.rows[i - 2];
    return r.map((cell, j) => (row?.kind === "emotion" && j >= 3 && cell !== "" ? cell : csvField(cell))).join(",");
  });
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
