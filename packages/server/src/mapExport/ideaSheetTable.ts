import { matrixQuadrant, translate, type Idea, type IdeaLink, type Locale } from "@opencjm/core";
import type { ExportInput } from "./ExportInput.js";

/** One table of a workbook: its header row, column widths and rows (user text not yet made formula-safe). */
export interface SheetTable {
  headers: string[];
  widths: number[];
  rows: Array<Array<string | number | null>>;
}

/** A link as the sheet names it: the step on this map ("Checkout"), or the map too when it is another one. */
function linkName(link: IdeaLink, input: ExportInput, locale: Locale): string {
  const onThisMap = link.mapId === input.map.id;
  // A card's link names the step it sits on; a removed card or step keeps the words it had when last seen.
  const step = onThisMap && !link.missing ? input.snapshot.steps.find((s) => s.id === link.stepId) : undefined;
  const name = step ? step.name : link.label;
  const shown = onThisMap ? name : `${link.mapTitle ?? link.mapId} › ${name}`;
  return link.missing ? translate(locale, "exports", "missingLink", { label: shown }) : shown;
}

/**
 * The map's ideas as the Excel export's Ideas sheet lists them: title, status, ICE and RICE scores, the quadrant of
 * the impact/effort matrix, the steps they are linked to (removed ones marked), owner, tags and description.
 */
export function ideaSheetTable(input: ExportInput): SheetTable {
  const { locale } = input;
  const v = (key: Parameters<typeof translate<"vocabulary">>[2]) => translate(locale, "vocabulary", key);
  const x = (key: Parameters<typeof translate<"exports">>[2]) => translate(locale, "exports", key);
  const rows = (input.ideas ?? []).map((idea: Idea) => {
    const links = [...idea.anchors, ...idea.steps].filter((l) => l.stepId !== null || l.missing);
    const names = [...new Set(links.map((l) => linkName(l, input, locale)))];
    return [
      idea.title,
      v(`ideaStatus.${idea.status}`),
      idea.iceScore,
      idea.riceScore,
      idea.matrix ? v(`matrixQuadrant.${matrixQuadrant(idea.matrix)}`) : "",
      names.join("\n"),
      idea.ownerName ?? "",
      idea.tags.join(", "),
      idea.description,
    ];
  });
  return {
    headers: [
      x("title"),
      v("status"),
      x("iceScore"),
      x("riceScore"),
      x("matrixQuadrant"),
      x("linkedSteps"),
      x("owner"),
      v("tags"),
      x("description"),
    ],
    widths: [36, 14, 14, 16, 16, 36, 20, 20, 60],
    rows,
  };
}
