import { LANE_NAMES, type Lane, type Persona, type Stage, type Step } from "@opencjm/core";
import { exportCardText, exportLookups, type ExportInput } from "./ExportInput.js";

/** A stage heading over the steps that belong to it. */
export interface GridStage {
  stage: Stage;
  steps: Step[];
}

/** One row of the grid: a lane's cell texts, or one persona's emotion values on an emotion lane. */
export type GridRow =
  | { kind: "cards"; lane: Lane; typeName: string; cells: string[]; cardCounts: number[] }
  | {
      kind: "emotion";
      lane: Lane;
      typeName: string;
      persona: Persona | undefined;
      personaId: string;
      values: Array<number | undefined>;
    };

/** The map as the grid users see: stages over steps over lane rows, with every cell as text. */
export interface MapGrid {
  stages: GridStage[];
  steps: Step[];
  rows: GridRow[];
}

/** Bullet that starts each card of a cell holding several cards (or a card of several lines). */
export const CARD_BULLET = "• ";

/** Joins a cell's card texts: a lone one-line card stays as it is, otherwise each card starts with a bullet. */
export function joinCellTexts(texts: string[]): string {
  if (texts.length === 1 && !texts[0]!.includes("\n")) return texts[0]!;
  return texts.map((t) => `${CARD_BULLET}${t}`).join("\n");
}

/** The personas an emotion lane shows a row for: the map's personas, then any others that have emotion points. */
export function emotionPersonaIds(input: ExportInput): string[] {
  const ids = [...input.snapshot.settings.personaIds] as string[];
  for (const e of input.snapshot.emotions) if (!ids.includes(e.personaId)) ids.push(e.personaId);
  return ids;
}

/** Lays a map out as a grid; hidden lanes are left out unless asked for (spreadsheets keep them, hidden). */
export function buildMapGrid(input: ExportInput, options: { includeHidden?: boolean } = {}): MapGrid {
  const { snapshot, locale } = input;
  const lookups = exportLookups(input);
  const stages = snapshot.stages.map((stage) => ({
    stage,
    steps: snapshot.steps.filter((s) => s.stageId === stage.id),
  }));
  const steps = stages.flatMap((g) => g.steps);
  const stepIndex = new Map(steps.map((s, i) => [s.id as string, i]));
  const personas = new Map(input.personas.map((p) => [p.id as string, p]));
  const rows: GridRow[] = [];
  for (const lane of snapshot.lanes) {
    if (lane.hidden && !options.includeHidden) continue;
    const typeName = LANE_NAMES[lane.type][locale];
    if (lane.type === "emotion") {
      const personaIds = emotionPersonaIds(input);
      // A lane without personas still gets a row, so the lane survives a round trip through a spreadsheet.
      if (personaIds.length === 0)
        rows.push({
          kind: "emotion",
          lane,
          typeName,
          persona: undefined,
          personaId: "",
          values: steps.map(() => undefined),
        });
      for (const personaId of personaIds) {
        const values: Array<number | undefined> = steps.map(() => undefined);
        for (const e of snapshot.emotions)
          if (e.personaId === personaId && stepIndex.has(e.stepId)) values[stepIndex.get(e.stepId)!] = e.value;
        rows.push({ kind: "emotion", lane, typeName, persona: personas.get(personaId), personaId, values });
      }
      continue;
    }
    const texts: string[][] = steps.map(() => []);
    for (const cell of snapshot.cells) {
      if (cell.laneId !== lane.id || !stepIndex.has(cell.stepId)) continue;
      texts[stepIndex.get(cell.stepId)!] = cell.cards.map((card) => exportCardText(card, lookups, locale));
    }
    rows.push({
      kind: "cards",
      lane,
      typeName,
      cells: texts.map((t) => (t.length ? joinCellTexts(t) : "")),
      cardCounts: texts.map((t) => t.length),
    });
  }
  return { stages, steps, rows };
}
