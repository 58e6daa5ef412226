import type { ImportDraft, ImportFormat, ImportReport } from "./ImportDraft.js";

/** What an import would create, for the preview the user confirms before anything is written. */
export interface ImportPreview {
  format: ImportFormat;
  title: string;
  type: string;
  stages: Array<{ name: string; steps: string[] }>;
  lanes: Array<{ name: string; type: string; cards: number }>;
  personas: string[];
  touchpoints: string[];
  counts: { stages: number; steps: number; lanes: number; cells: number; cards: number; emotions: number };
  report: ImportReport;
}

/** Summarises a parsed file: its structure, counts, the personas and touchpoints it brings, and what it left out. */
export function summarizeImport(draft: ImportDraft): ImportPreview {
  const s = draft.snapshot;
  const cardsPerLane = new Map<string, number>();
  for (const cell of s.cells) cardsPerLane.set(cell.laneId, (cardsPerLane.get(cell.laneId) ?? 0) + cell.cards.length);
  const stepsByStage = new Map<string, string[]>();
  for (const step of s.steps) {
    const names = stepsByStage.get(step.stageId);
    if (names) names.push(step.name);
    else stepsByStage.set(step.stageId, [step.name]);
  }
  const usedTouchpoints = new Set(
    s.cells.flatMap((c) => c.cards.flatMap((k) => (k.kind === "touchpoint" ? [k.touchpointId as string] : []))),
  );
  return {
    format: draft.format,
    title: s.settings.title,
    type: s.settings.type,
    stages: s.stages.map((stage) => ({ name: stage.name, steps: stepsByStage.get(stage.id) ?? [] })),
    lanes: s.lanes.map((l) => ({ name: l.name, type: l.type, cards: cardsPerLane.get(l.id) ?? 0 })),
    personas: draft.personas.map((p) => p.fields.name),
    touchpoints: draft.touchpoints.filter((t) => usedTouchpoints.has(t.oldId)).map((t) => t.fields.name),
    counts: {
      stages: s.stages.length,
      steps: s.steps.length,
      lanes: s.lanes.length,
      cells: s.cells.length,
      cards: s.cells.reduce((n, c) => n + c.cards.length, 0),
      emotions: s.emotions.length,
    },
    report: draft.report,
  };
}
