import type * as ExcelJS from "exceljs";
import { isRightToLeft, translate } from "@opencjm/core";
import { evidenceName, exportLabel, mapStatusName, mapTypeName, type ExportLabel } from "./exportLabels.js";
import { exportCardText, exportLookups, type ExportInput } from "./ExportInput.js";
import { ideaSheetTable } from "./ideaSheetTable.js";
import { KPI_DEFINITION_COLUMNS, kpiSheetTable } from "./kpiSheetTable.js";
import { descriptionTable } from "./descriptionTable.js";
import { buildMapGrid } from "./mapGrid.js";
import { addResearchSheet } from "./excelResearchSheet.js";
import { addTableSheet, bold, cellText as text, sheetName } from "./excelTableSheet.js";

/** Columns before the step columns on the grid sheet: lane, type, persona. */
export const GRID_LABEL_COLUMNS = 3;

function argb(hex: string | undefined): string | undefined {
  return hex ? `FF${hex.slice(1).toUpperCase()}` : undefined;
}

/** The grid sheet: title, stage headers merged over their steps, step names, then one row per lane. */
function addGridSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const { locale, snapshot } = input;
  const grid = buildMapGrid(input, { includeHidden: true });
  const first = GRID_LABEL_COLUMNS + 1;
  const last = Math.max(first, GRID_LABEL_COLUMNS + grid.steps.length);
  const ws = wb.addWorksheet(sheetName(locale, "map"), {
    views: [{ state: "frozen", xSplit: GRID_LABEL_COLUMNS, ySplit: 3, rightToLeft: isRightToLeft(locale) }],
  });
  ws.getCell(1, 1).value = text(snapshot.settings.title);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(2, 1).value = exportLabel(locale, "stage");
  ws.getRow(3).values = [
    exportLabel(locale, "step"),
    exportLabel(locale, "laneType"),
    exportLabel(locale, "persona"),
    ...grid.steps.map((s) => text(s.name)),
  ];
  let column = first;
  for (const { stage, steps } of grid.stages) {
    if (steps.length === 0) continue;
    const cell = ws.getCell(2, column);
    cell.value = text(stage.name);
    cell.alignment = { horizontal: "center" };
    const fill = argb(stage.color);
    if (fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
    if (steps.length > 1) ws.mergeCells(2, column, 2, column + steps.length - 1);
    column += steps.length;
  }
  for (const r of [2, 3]) ws.getRow(r).eachCell((cell) => (cell.font = bold));
  for (const row of grid.rows) {
    const values =
      row.kind === "emotion" ? row.values.map((v) => v ?? null) : row.cells.map((c) => (c ? text(c) : null));
    const persona = row.kind === "emotion" ? text(row.persona?.name ?? row.personaId) : "";
    const added = ws.addRow([text(row.lane.name), text(row.typeName), persona, ...values]);
    added.hidden = row.lane.hidden;
    added.alignment = { wrapText: true, vertical: "top" };
    added.getCell(1).font = bold;
  }
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 16;
  ws.getColumn(3).width = 14;
  for (let c = first; c <= last; c++) ws.getColumn(c).width = 28;
}

/** Emotion values per step and persona, a table a chart can be drawn from directly. */
function addEmotionSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const grid = buildMapGrid(input, { includeHidden: true });
  const rows = grid.rows.filter((r) => r.kind === "emotion");
  const ws = addTableSheet(
    wb,
    input,
    "laneType.emotion",
    [
      exportLabel(input.locale, "stage"),
      exportLabel(input.locale, "step"),
      ...rows.map((r) => r.persona?.name ?? r.personaId),
    ],
    [20, 28, ...rows.map(() => 14)],
  );
  const stageOf = new Map(grid.stages.flatMap((g) => g.steps.map((s) => [s.id as string, g.stage.name])));
  grid.steps.forEach((step, i) =>
    ws.addRow([text(stageOf.get(step.id) ?? ""), text(step.name), ...rows.map((r) => r.values[i] ?? null)]),
  );
}

function addPersonaSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const l = (k: ExportLabel) => exportLabel(input.locale, k);
  const ws = addTableSheet(
    wb,
    input,
    "personas",
    [l("id"), l("name"), l("summary"), l("quote"), l("goals"), l("needs"), l("frustrations"), l("data")],
    [16, 20, 40, 30, 30, 30, 30, 20],
  );
  for (const p of input.personas) {
    const { id, createdAt: _c, updatedAt: _u, ...fields } = p;
    ws.addRow(
      [
        id,
        p.name,
        p.summary,
        p.quote,
        p.goals.join("\n"),
        p.needs.join("\n"),
        p.frustrations.join("\n"),
        JSON.stringify({ id, ...fields }),
      ].map(text),
    ).alignment = { wrapText: true, vertical: "top" };
  }
}

/** Titles of the ideas anchored to a card, then ids the card itself lists that are no idea here (from an import). */
function linkedIdeaTitles(input: ExportInput, cardId: string, listedIds: readonly string[]): string[] {
  const ideas = input.ideas ?? [];
  const linked = ideas.filter((idea) => idea.anchors.some((a) => a.mapId === input.map.id && a.cardId === cardId));
  const known = new Set(ideas.map((idea) => idea.id));
  return [...linked.map((idea) => idea.title), ...listedIds.filter((id) => !known.has(id))];
}

/** The map's ideas: title, status, scores, matrix quadrant, linked steps, owner, tags (PRODUCT.md §4.7). */
function addIdeasSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const table = ideaSheetTable(input);
  const ws = addTableSheet(wb, input, "ideas", table.headers, table.widths);
  for (const row of table.rows)
    ws.addRow(row.map((value) => (typeof value === "string" ? text(value) : value))).alignment = {
      wrapText: true,
      vertical: "top",
    };
}

/** The KPIs sheet: each KPI on the map with its definition, latest value and the series period by period. */
function addKpisSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const table = kpiSheetTable(input);
  const ws = addTableSheet(wb, input, "laneType.kpis", table.headers, table.widths);
  table.rows.forEach((row, i) => {
    const added = ws.addRow(row.map((value) => (typeof value === "string" ? text(value) : value)));
    added.alignment = { wrapText: true, vertical: "top" };
    const format = table.seriesFormats[i];
    if (format) for (let c = KPI_DEFINITION_COLUMNS + 1; c <= row.length; c++) added.getCell(c).numFmt = format;
  });
}

/** Pain points and opportunities, where ideas start, with the titles of the ideas linked to each. */
function addProblemsSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const { locale, snapshot } = input;
  const l = (k: ExportLabel) => exportLabel(locale, k);
  const ws = addTableSheet(
    wb,
    input,
    { name: translate(locale, "exports", "painPointsAndOpportunities") },
    [l("stage"), l("step"), l("kind"), l("text"), l("severity"), l("rootCause"), l("linkedIdeas")],
    [18, 24, 16, 50, 10, 40, 20],
  );
  const steps = new Map(snapshot.steps.map((s) => [s.id as string, s]));
  const stages = new Map(snapshot.stages.map((s) => [s.id as string, s.name]));
  for (const cell of snapshot.cells) {
    const step = steps.get(cell.stepId);
    for (const card of cell.cards) {
      if (card.kind !== "painPoint" && card.kind !== "opportunity") continue;
      const kind = exportLabel(locale, card.kind === "painPoint" ? "laneType.painPoints" : "laneType.opportunities");
      const [severity, rootCause] = card.kind === "painPoint" ? [card.severity, card.rootCause] : [null, ""];
      const ideas = linkedIdeaTitles(input, card.id, card.kind === "opportunity" ? card.ideaIds : []).join("\n");
      ws.addRow([
        text(stages.get(step?.stageId ?? "") ?? ""),
        text(step?.name ?? ""),
        kind,
        text(card.text),
        severity,
        text(rootCause),
        text(ideas),
      ]).alignment = { wrapText: true, vertical: "top" };
    }
  }
}

/** Descriptions of the stages, steps and touchpoints, which the grid has no room for; no sheet when none has one. */
function addDescriptionsSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const table = descriptionTable(input);
  if (table.rows.length === 0) return;
  const ws = addTableSheet(wb, input, "descriptions", table.headers, [14, 20, 24, 16, 70]);
  for (const row of table.rows) ws.addRow(row.map(text)).alignment = { wrapText: true, vertical: "top" };
}

/** Every card with its full data, so our own import restores what the grid text cannot say. */
function addCardSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const { locale, snapshot } = input;
  const l = (k: ExportLabel) => exportLabel(locale, k);
  const lookups = exportLookups(input);
  const ws = addTableSheet(
    wb,
    input,
    "cards",
    [l("stage"), l("step"), l("lane"), l("kind"), l("text"), l("evidence"), l("data")],
    [18, 24, 20, 14, 50, 14, 30],
  );
  const steps = new Map(snapshot.steps.map((s) => [s.id as string, s]));
  const stages = new Map(snapshot.stages.map((s) => [s.id as string, s.name]));
  const lanes = new Map(snapshot.lanes.map((lane, i) => [lane.id as string, { lane, index: i }]));
  const stepIndex = new Map(snapshot.steps.map((s, i) => [s.id as string, i]));
  for (const cell of snapshot.cells) {
    const step = steps.get(cell.stepId);
    const lane = lanes.get(cell.laneId);
    for (const card of cell.cards) {
      const data = JSON.stringify({ lane: lane?.index, step: stepIndex.get(cell.stepId), card });
      ws.addRow(
        [
          stages.get(step?.stageId ?? "") ?? "",
          step?.name ?? "",
          lane?.lane.name ?? "",
          card.kind,
          exportCardText(card, lookups, locale),
          evidenceName(card.evidence.level, locale),
          data,
        ].map(text),
      );
    }
  }
}

/** What the grid cannot show (descriptions, colours, parallel steps, the goal, emotion notes), by position, for our import. */
export interface WorkbookLayout {
  stages: Array<{ description: string; color?: string }>;
  steps: Array<{ description: string; parallel: boolean; goal?: boolean }>;
  lanes: Array<{ color?: string; collapsed: boolean }>;
  /** Emotion notes keyed `personaId:stepIndex`. */
  emotionNotes: Record<string, string>;
}

function workbookLayout(input: ExportInput): WorkbookLayout {
  const { stages, steps, lanes, emotions } = input.snapshot;
  const stepIndex = new Map(steps.map((s, i) => [s.id as string, i]));
  return {
    stages: stages.map((s) => ({ description: s.description, color: s.color })),
    steps: steps.map((s) => ({ description: s.description, parallel: s.parallel, ...(s.goal ? { goal: true } : {}) })),
    lanes: lanes.map((l) => ({ color: l.color, collapsed: l.collapsed })),
    emotionNotes: Object.fromEntries(
      emotions.filter((e) => e.note).map((e) => [`${e.personaId}:${stepIndex.get(e.stepId)}`, e.note]),
    ),
  };
}

/** Map settings as label/value pairs, with hidden machine-readable keys and values for import. */
function addAboutSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const { locale } = input;
  const s = input.snapshot.settings;
  const ws = addTableSheet(wb, input, "about", [exportLabel(locale, "about"), ""], [22, 60, 10, 30]);
  const rows: Array<[ExportLabel, string, string, unknown]> = [
    ["title", s.title, "title", s.title],
    ["mapType", mapTypeName(s.type, locale), "type", s.type],
    ["status", mapStatusName(s.status, locale), "status", s.status],
    ["goal", s.goal, "goal", s.goal],
    ["scope", s.scope, "scope", s.scope],
    ["tags", s.tags.join(", "), "tags", s.tags],
    [
      "personas",
      input.personas
        .filter((p) => s.personaIds.includes(p.id))
        .map((p) => p.name)
        .join(", "),
      "personaIds",
      s.personaIds,
    ],
    ["language", s.locale, "locale", s.locale],
    ["emotionScale", `${s.emotionScale.min} … ${s.emotionScale.max}`, "emotionScale", s.emotionScale],
    ["template", s.templateId ?? "", "templateId", s.templateId ?? null],
    ["segment", s.segment ? JSON.stringify(s.segment) : "", "segment", s.segment ?? null],
    ["layout", "", "layout", workbookLayout(input)],
    ["exportedOn", input.exportedAt.toISOString(), "exportedAt", input.exportedAt.toISOString()],
  ];
  for (const [label, shown, key, raw] of rows) {
    ws.addRow([exportLabel(locale, label, { date: "" }).trim(), shown, key, JSON.stringify(raw)].map(text)).alignment =
      { wrapText: true, vertical: "top" };
  }
  ws.getColumn(3).hidden = true;
  ws.getColumn(4).hidden = true;
}

/**
 * The map as an Excel workbook: the grid, emotions, personas, ideas, KPIs, pain points and opportunities, the
 * descriptions of stages, steps and touchpoints, the research (when the export carries it), every card, and the map's
 * settings.
 */
export async function exportExcelWorkbook(input: ExportInput): Promise<Uint8Array> {
  // Loaded when needed: ExcelJS adds a noticeable share to every CLI command's and the server's start-up.
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  wb.creator = "OpenCJM";
  wb.created = input.exportedAt;
  wb.modified = input.exportedAt;
  wb.title = input.snapshot.settings.title;
  addGridSheet(wb, input);
  addEmotionSheet(wb, input);
  addPersonaSheet(wb, input);
  addIdeasSheet(wb, input);
  addKpisSheet(wb, input);
  addProblemsSheet(wb, input);
  addDescriptionsSheet(wb, input);
  addResearchSheet(wb, input);
  addCardSheet(wb, input);
  addAboutSheet(wb, input);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
