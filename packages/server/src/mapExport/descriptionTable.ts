import { exportLabel } from "./exportLabels.js";
import { exportLookups, type ExportInput } from "./ExportInput.js";

/** The descriptions a map's grid has no room for: its stages, steps and the touchpoints its cards name. */
export interface DescriptionTable {
  headers: string[];
  /** Kind, stage, name, channel (touchpoints only), description; in map order, touchpoints last. */
  rows: string[][];
}

/**
 * Every stage, step and touchpoint of the map that has a description, as a table the Excel, PowerPoint and PDF exports
 * print (the Markdown outline says them in place), so no description is left only in the JSON. Empty when none has.
 */
export function descriptionTable(input: ExportInput): DescriptionTable {
  const { locale, snapshot } = input;
  const lookups = exportLookups(input);
  const label = (key: Parameters<typeof exportLabel>[1]) => exportLabel(locale, key);
  const rows: string[][] = [];
  const stages = [...snapshot.stages].sort(byOrder);
  for (const stage of stages) {
    if (stage.description.trim()) rows.push([label("stage"), "", stage.name, "", stage.description]);
    for (const step of snapshot.steps.filter((s) => s.stageId === stage.id).sort(byOrder)) {
      if (step.description.trim()) rows.push([label("step"), stage.name, step.name, "", step.description]);
    }
  }
  const used = new Set(
    snapshot.cells.flatMap((c) => c.cards.flatMap((k) => (k.kind === "touchpoint" ? [k.touchpointId as string] : []))),
  );
  for (const touchpoint of input.touchpoints) {
    if (!used.has(touchpoint.id) || !touchpoint.description.trim()) continue;
    rows.push([
      label("touchpoint"),
      "",
      touchpoint.name,
      lookups.channelName(touchpoint.channelId),
      touchpoint.description,
    ]);
  }
  return {
    headers: [label("kind"), label("stage"), label("name"), label("channel"), label("description")],
    rows,
  };
}

const byOrder = (a: { order: string }, b: { order: string }) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0);
