import {
  LANE_NAMES,
  LANE_TYPES,
  newId,
  PersonaFieldsSchema,
  type Card,
  type LaneType,
  type MapSettingsInput,
  type PersonaFields,
  type TouchpointFields,
  restoreFormulaText,
} from "@opencjm/core";
import { exportLabelVariants, type ExportLabel } from "../mapExport/exportLabels.js";
import type { WorkbookLayout } from "../mapExport/excelWorkbook.js";
import { CARD_BULLET, joinCellTexts } from "../mapExport/mapGrid.js";
import { droppedItem } from "./dropReason.js";
import { importFileError } from "./importFileError.js";
import {
  emptyReport,
  type DraftEntity,
  type ImportDraft,
  type ImportFormat,
  type ImportReport,
} from "./ImportDraft.js";
import { importNote } from "./importNote.js";
import { MapDraftBuilder } from "./MapDraftBuilder.js";
import { laneTypeForName } from "./laneTypeForName.js";
import { parseCardLine } from "./parseCardLine.js";

/** A cell value as spreadsheets give it. */
export type GridValue = string | number | null;

/** A grid laid out like our CSV and Excel exports, with how to name its cells in errors. */
export interface GridSource {
  rows: GridValue[][];
  /** "Map!D5" or "row 5, column D". */
  cellName(row: number, column: number): string;
  hiddenRows?: ReadonlySet<number>;
  /** Columns where a merged stage header starts, when the file tells (Excel); otherwise stages split where names change. */
  stageStarts?: ReadonlySet<number>;
  /** Stage header colours by column, as #rrggbb. */
  stageColors?: ReadonlyMap<number, string>;
}

/** What an Excel export carries beside the grid: settings, personas, every card's data, layout. */
export interface GridExtras {
  title?: string;
  settings?: Partial<MapSettingsInput>;
  personas?: Array<DraftEntity<PersonaFields>>;
  /** Cards of each cell keyed `laneIndex:stepIndex`, with the text the grid shows for each. */
  cards?: Map<string, Array<{ text: string; card: Card }>>;
  layout?: WorkbookLayout;
}

const matches = (key: ExportLabel, value: GridValue) =>
  typeof value === "string" && exportLabelVariants(key).some((v) => v.toLowerCase() === value.trim().toLowerCase());
const TYPE_BY_NAME = new Map<string, LaneType>(
  LANE_TYPES.flatMap((t) => [
    [t.toLowerCase(), t] as [string, LaneType],
    ...Object.values(LANE_NAMES[t]).map((n) => [n.toLowerCase(), t] as [string, LaneType]),
  ]),
);

function str(value: GridValue | undefined): string {
  return value === null || value === undefined ? "" : restoreFormulaText(String(value));
}

/** Splits a cell into card texts: bullets start cards when present, otherwise every line is a card. */
export function splitCellText(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (!lines.some((l) => l.startsWith(CARD_BULLET))) return lines.map((l) => l.trim()).filter(Boolean);
  const cards: string[] = [];
  for (const line of lines) {
    if (line.startsWith(CARD_BULLET)) cards.push(line.slice(CARD_BULLET.length));
    else if (cards.length) cards[cards.length - 1] += `\n${line}`;
    else if (line.trim()) cards.push(line.trim());
  }
  return cards;
}

function laneTypeOf(typeText: string, laneName: string, report: ImportReport, where: string): LaneType {
  const named = TYPE_BY_NAME.get(typeText.trim().toLowerCase());
  if (named) return named;
  const guessed = TYPE_BY_NAME.get(laneName.trim().toLowerCase()) ?? laneTypeForName(laneName);
  report.notes.push(
    typeText
      ? importNote(where, "note.laneReadAsUnknownType", { lane: laneName, typeText }, { laneType: guessed })
      : importNote(where, "note.laneReadAs", { lane: laneName }, { laneType: guessed }),
  );
  return guessed;
}

/**
 * Reads a grid laid out like our export: a "Stage" row, a "Step" row (with optional "Type" and "Persona" columns),
 * then one row per lane — cards as text lines, emotion rows as numbers per persona. Headers are recognised in any
 * of the five languages. Every problem names its cell.
 */
export function parseGridTable(source: GridSource, format: ImportFormat, extras: GridExtras = {}): ImportDraft {
  const { rows, cellName } = source;
  const report = emptyReport();
  const r = rows.findIndex((row, i) => i < 50 && matches("stage", row[0] ?? null));
  if (r < 0)
    throw importFileError(
      cellName(0, 0),
      'no "Stage" row: a grid starts with a Stage row and a Step row, like our CSV and Excel exports',
    );
  const stepRow = rows[r + 1] ?? [];
  if (!matches("step", stepRow[0] ?? null))
    throw importFileError(cellName(r + 1, 0), 'expected the "Step" row under the "Stage" row');
  const typeCol = matches("laneType", stepRow[1] ?? null) ? 1 : -1;
  const personaCol = matches("persona", stepRow[typeCol + 1 > 0 ? 2 : 1] ?? null) ? (typeCol > 0 ? 2 : 1) : -1;
  const first = Math.max(typeCol, personaCol, 0) + 1;
  let last = stepRow.length - 1;
  while (last >= first && str(stepRow[last]) === "" && str(rows[r]?.[last]) === "") last--;
  if (last < first) throw importFileError(cellName(r + 1, first), "the grid has no step columns");

  const builder = new MapDraftBuilder(report);
  const layout = extras.layout;
  const columns: string[] = [];
  let stageId: string | undefined;
  let stageName: string | undefined;
  let stageCount = 0;
  for (let c = first; c <= last; c++) {
    const name = str(rows[r]![c]);
    const starts = source.stageStarts ? source.stageStarts.has(c) : name !== "" && name !== stageName;
    if (!stageId || starts) {
      const saved = layout?.stages[stageCount];
      // The saved colour keeps its original spelling unless the header was recoloured in the spreadsheet.
      const fill = source.stageColors?.get(c);
      const color = fill && fill.toLowerCase() !== saved?.color?.toLowerCase() ? fill : (saved?.color ?? fill);
      stageId = builder.addStage(name, { color, description: saved?.description });
      stageName = name;
      stageCount++;
    }
    const saved = layout?.steps[c - first];
    columns.push(
      builder.addStep(stageId, str(stepRow[c]), {
        parallel: saved?.parallel,
        description: saved?.description,
        goal: saved?.goal,
      }),
    );
  }

  const personas = [...(extras.personas ?? [])];
  const personaByName = new Map(personas.map((p) => [p.fields.name, p.oldId]));
  const personaFor = (name: string) => {
    let id = personaByName.get(name);
    if (!id) {
      id = newId("per_");
      personaByName.set(name, id);
      personas.push({ oldId: id, fields: PersonaFieldsSchema.parse({ name: name.slice(0, 120) }) });
    }
    return id;
  };
  const touchpoints = new Map<string, DraftEntity<TouchpointFields>>();
  const emotionValues: number[] = [];
  const emotionPoints: Array<{ personaId: string; stepId: string; value: number; note: string }> = [];
  let laneIndex = -1;
  let emotionLane: { id: string; name: string; row: number } | undefined;

  for (let i = r + 2; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.every((v) => str(v).trim() === "")) continue;
    const laneName = str(row[0]);
    const type = laneTypeOf(
      typeCol > 0 ? str(row[typeCol]) : "",
      laneName,
      report,
      cellName(i, typeCol > 0 ? typeCol : 0),
    );
    if (type === "emotion" && emotionLane && emotionLane.name === laneName && emotionLane.row === i - 1)
      emotionLane.row = i;
    else {
      laneIndex++;
      const saved = layout?.lanes[laneIndex];
      const id = builder.addLane(type, laneName, { color: saved?.color });
      if (source.hiddenRows?.has(i) || saved?.collapsed)
        builder.updateLane(id, {
          hidden: source.hiddenRows?.has(i) || undefined,
          collapsed: saved?.collapsed || undefined,
        });
      emotionLane = type === "emotion" ? { id, name: laneName, row: i } : undefined;
      if (type !== "emotion") readCardRow(i, id, type, laneIndex);
    }
    if (type !== "emotion") continue;
    const personaName = personaCol > 0 ? str(row[personaCol]).trim() : laneName;
    if (!personaName) continue;
    const personaId = personaFor(personaName);
    for (let c = first; c <= last; c++) {
      const raw = row[c];
      if (raw === null || raw === undefined || str(raw).trim() === "") continue;
      const value = typeof raw === "number" ? raw : Number(str(raw).trim().replace(",", ".").replace("−", "-"));
      if (!Number.isFinite(value))
        throw importFileError(cellName(i, c), `"${str(raw).slice(0, 40)}" is not a number (emotion rows hold numbers)`);
      emotionValues.push(value);
      emotionPoints.push({
        personaId,
        stepId: columns[c - first]!,
        value,
        note: layout?.emotionNotes[`${personaId}:${c - first}`] ?? "",
      });
    }
  }

  function readCardRow(i: number, laneId: string, type: LaneType, index: number): void {
    for (let c = first; c <= last; c++) {
      const text = str(rows[i]![c]);
      if (!text.trim()) continue;
      const stepId = columns[c - first]!;
      const saved = extras.cards?.get(`${index}:${c - first}`);
      if (saved && joinCellTexts(saved.map((s) => s.text)) === text) {
        // The cell is as we exported it: restore every card in full, and keep what its text says about touchpoints.
        saved.forEach(({ card, text: line }) => {
          const { id: _id, order: _order, ...content } = card;
          if (card.kind === "touchpoint") {
            const read = parseCardLine("touchpoints", line);
            if ("card" in read && read.touchpoint)
              touchpoints.set(card.touchpointId, { oldId: card.touchpointId, fields: read.touchpoint.fields });
          }
          builder.addCard(laneId, stepId, content, cellName(i, c));
        });
        continue;
      }
      for (const line of splitCellText(text)) {
        const result = parseCardLine(type, line);
        if ("dropped" in result) {
          report.dropped.push(droppedItem(cellName(i, c), result.dropped, [line]));
          continue;
        }
        let card = result.card;
        if (result.touchpoint) {
          const known = touchpoints.get(result.touchpoint.key) ?? {
            oldId: newId("tp_"),
            fields: result.touchpoint.fields,
          };
          touchpoints.set(result.touchpoint.key, known);
          card = { ...card, touchpointId: known.oldId as never } as typeof card;
        }
        builder.addCard(laneId, stepId, card, cellName(i, c));
      }
    }
  }

  // A loop, not Math.min(...values): spreading a grid's worth of numbers overflowed the call stack.
  let lowest = 0;
  let highest = 0;
  for (const v of emotionValues) [lowest, highest] = [Math.min(lowest, v), Math.max(highest, v)];
  const scale = extras.settings?.emotionScale ?? {
    min: Math.max(-10, Math.min(-2, Math.floor(lowest))),
    max: Math.min(10, Math.max(2, Math.ceil(highest))),
  };
  for (const p of emotionPoints) {
    const value = Math.min(scale.max, Math.max(scale.min, p.value));
    if (value !== p.value)
      report.notes.push(
        importNote(null, "note.emotionClamped", { value: p.value, min: scale.min, max: scale.max, kept: value }),
      );
    builder.setEmotion(p.personaId, p.stepId, value, p.note);
  }
  const usedPersonas = new Set(emotionPoints.map((p) => p.personaId));
  const fromExtras = new Set(extras.personas);
  const personaIds = [
    ...new Set([
      ...(extras.settings?.personaIds ?? []),
      ...personas.filter((p) => usedPersonas.has(p.oldId) || fromExtras.has(p)).map((p) => p.oldId),
    ]),
  ];
  const title = extras.settings?.title ?? extras.title ?? "";
  const snapshot = builder.build({
    type: "currentState",
    ...extras.settings,
    title: title.trim().slice(0, 200) || "Imported map",
    emotionScale: scale,
    personaIds: personaIds as never,
  });
  const kept = new Set(personaIds);
  return {
    format,
    snapshot,
    personas: personas.filter((p) => kept.has(p.oldId)),
    touchpoints: [...touchpoints.values()],
    report,
  };
}
