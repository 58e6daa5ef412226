import type * as ExcelJS from "exceljs";
import {
  CardSchema,
  MapSettingsSchema,
  newId,
  PersonaFieldsSchema,
  type Card,
  type MapSettingsInput,
  type PersonaFields,
  restoreFormulaText,
} from "@opencjm/core";
import { z } from "zod";
import { exportLabelVariants, type ExportLabel } from "../mapExport/exportLabels.js";
import type { WorkbookLayout } from "../mapExport/excelWorkbook.js";
import { checkZipSize } from "./checkZipSize.js";
import { importFileError, pathOf } from "./importFileError.js";
import type { DraftEntity, ImportDraft } from "./ImportDraft.js";
import { columnName } from "./parseGridCsv.js";
import { parseGridTable, type GridExtras, type GridValue } from "./parseGridTable.js";

const LayoutSchema = z.object({
  stages: z.array(
    z.object({
      description: z.string().max(2000).default(""),
      color: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/)
        .optional(),
    }),
  ),
  steps: z.array(
    z.object({
      description: z.string().max(2000).default(""),
      parallel: z.boolean().default(false),
      goal: z.boolean().optional(),
    }),
  ),
  lanes: z.array(
    z.object({
      color: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/)
        .optional(),
      collapsed: z.boolean().default(false),
    }),
  ),
  emotionNotes: z.record(z.string(), z.string().max(500)).default({}),
}) satisfies z.ZodType<WorkbookLayout>;

/** A cell's value as text or number: rich text joined, formulas by their saved result (never evaluated). */
function valueOf(cell: ExcelJS.Cell): GridValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString();
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: unknown }).result;
    return typeof result === "number" || typeof result === "string" ? result : null;
  }
  if ("text" in v) return String((v as { text: unknown }).text);
  return null;
}

function sheetRows(ws: ExcelJS.Worksheet): GridValue[][] {
  const rows: GridValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: GridValue[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) values.push(valueOf(row.getCell(c)));
    rows.push(values);
  }
  return rows;
}

function findSheet(wb: ExcelJS.Workbook, key: ExportLabel): ExcelJS.Worksheet | undefined {
  const names = exportLabelVariants(key).map((n) =>
    n
      .replace(/[[\]:*?/\\]/g, " ")
      .slice(0, 31)
      .toLowerCase(),
  );
  return wb.worksheets.find((ws) => names.includes(ws.name.trim().toLowerCase()));
}

function text(value: GridValue | undefined): string {
  return value === null || value === undefined ? "" : restoreFormulaText(String(value));
}

/** Column index (0-based) whose header is any translation of a label. */
function headerColumn(header: GridValue[], key: ExportLabel): number {
  const names = exportLabelVariants(key).map((n) => n.toLowerCase());
  return header.findIndex((h) => names.includes(text(h).trim().toLowerCase()));
}

function readCards(ws: ExcelJS.Worksheet | undefined): GridExtras["cards"] {
  if (!ws) return undefined;
  const rows = sheetRows(ws);
  const [dataCol, textCol] = [headerColumn(rows[0] ?? [], "data"), headerColumn(rows[0] ?? [], "text")];
  if (dataCol < 0 || textCol < 0) return undefined;
  const cards = new Map<string, Array<{ text: string; card: Card }>>();
  for (const row of rows.slice(1)) {
    try {
      const data = JSON.parse(text(row[dataCol])) as { lane?: number; step?: number; card?: unknown };
      const card = CardSchema.safeParse(data.card);
      // A card whose data no longer reads is simply not restored; its cell falls back to the grid's text.
      if (!card.success || typeof data.lane !== "number" || typeof data.step !== "number") continue;
      const key = `${data.lane}:${data.step}`;
      cards.set(key, [...(cards.get(key) ?? []), { text: text(row[textCol]), card: card.data }]);
    } catch {
      continue;
    }
  }
  return cards;
}

function readPersonas(ws: ExcelJS.Worksheet | undefined): Array<DraftEntity<PersonaFields>> | undefined {
  if (!ws) return undefined;
  const rows = sheetRows(ws);
  const header = rows[0] ?? [];
  const [idCol, nameCol, dataCol] = [
    headerColumn(header, "id"),
    headerColumn(header, "name"),
    headerColumn(header, "data"),
  ];
  return rows.slice(1).flatMap((row, i): Array<DraftEntity<PersonaFields>> => {
    const where = `${ws.name}!${columnName(dataCol >= 0 ? dataCol : nameCol)}${i + 2}`;
    const raw = dataCol >= 0 ? text(row[dataCol]).trim() : "";
    let fields: unknown = { name: text(row[nameCol]) };
    if (raw) {
      try {
        const { id: _id, ...rest } = JSON.parse(raw) as Record<string, unknown>;
        fields = rest;
      } catch {
        throw importFileError(where, "persona data is not valid JSON");
      }
    }
    if (!raw && !text(row[nameCol]).trim()) return [];
    const parsed = PersonaFieldsSchema.safeParse(fields);
    if (!parsed.success)
      throw importFileError(where, `${pathOf(parsed.error.issues[0]?.path ?? [])}: ${parsed.error.issues[0]?.message}`);
    const id = text(row[idCol]).trim();
    return [{ oldId: /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : newId("per_"), fields: parsed.data }];
  });
}

function readAbout(ws: ExcelJS.Worksheet | undefined): {
  settings: Partial<MapSettingsInput>;
  layout?: WorkbookLayout;
} {
  const settings: Record<string, unknown> = {};
  let layout: WorkbookLayout | undefined;
  if (!ws) return { settings };
  const shape = MapSettingsSchema.shape as Record<string, z.ZodType>;
  sheetRows(ws).forEach((row, i) => {
    const key = text(row[2]).trim();
    const raw = text(row[3]);
    if (!key || !raw) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw importFileError(`${ws.name}!D${i + 1}`, "not valid JSON");
    }
    if (value === null) return;
    if (key === "layout") return void (layout = LayoutSchema.safeParse(value).data);
    if (!shape[key]) return;
    const parsed = shape[key].safeParse(value);
    if (!parsed.success) throw importFileError(`${ws.name}!D${i + 1}`, `${key}: ${parsed.error.issues[0]?.message}`);
    settings[key] = parsed.data;
  });
  return { settings: settings as Partial<MapSettingsInput>, layout };
}

/** Reads an Excel workbook laid out like our export: the grid sheet, plus personas, cards and settings when present. */
export async function parseGridWorkbook(bytes: Uint8Array, fileName: string): Promise<ImportDraft> {
  await checkZipSize(bytes, fileName);
  // Loaded when needed: ExcelJS adds a noticeable share to every CLI command's and the server's start-up.
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw importFileError(
      fileName,
      `not a readable Excel workbook (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  const grid =
    findSheet(wb, "map") ??
    wb.worksheets.find((ws) => sheetRows(ws).some((r) => exportLabelVariants("stage").includes(text(r[0]).trim())));
  if (!grid)
    throw importFileError(fileName, 'no sheet with a "Stage" row: a grid sheet is laid out like our Excel export');
  const rows = sheetRows(grid);
  const stageRow = rows.findIndex((r) =>
    exportLabelVariants("stage")
      .map((v) => v.toLowerCase())
      .includes(text(r[0]).trim().toLowerCase()),
  );
  const hiddenRows = new Set(rows.map((_, i) => i).filter((i) => grid.getRow(i + 1).hidden));
  const stageStarts = new Set<number>();
  const stageColors = new Map<number, string>();
  (rows[stageRow] ?? []).forEach((value, c) => {
    const cell = grid.getCell(stageRow + 1, c + 1);
    const isSlave = cell.isMerged && cell.master.address !== cell.address;
    if (!isSlave && text(value) !== "" && (cell.isMerged || text(value) !== text(rows[stageRow]![c - 1])))
      stageStarts.add(c);
    const fill = cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : undefined;
    if (fill && /^[0-9A-F]{8}$/i.test(fill)) stageColors.set(c, `#${fill.slice(2).toLowerCase()}`);
  });
  const about = readAbout(findSheet(wb, "about"));
  const title = stageRow > 0 ? text(rows[0]![0]).trim() : "";
  return parseGridTable(
    { rows, cellName: (r, c) => `${grid.name}!${columnName(c)}${r + 1}`, hiddenRows, stageStarts, stageColors },
    "xlsx",
    {
      title: title || undefined,
      settings: { ...about.settings, ...(title ? { title } : {}) },
      personas: readPersonas(findSheet(wb, "personas")),
      cards: readCards(findSheet(wb, "cards")),
      layout: about.layout,
    },
  );
}
