import { matrixQuadrant, translate, type Idea } from "@opencjm/core";
import type { ExportInput } from "./ExportInput.js";
import {
  fullWidthTable,
  headedSlides,
  HEADER,
  MARGIN,
  ordered,
  WIDTH,
  type Cell,
  type PptxGenJS,
} from "./pptxLayout.js";
import { addPagedTable } from "./pptxTablePages.js";

/** The ideas of the map per stage, in the map's stage order; an idea linked to several stages is under each. */
function ideasByStage(input: ExportInput): Array<{ stageId: string; name: string; ideas: Idea[] }> {
  const ideas = input.ideas ?? [];
  const stageOfStep = new Map(input.snapshot.steps.map((s) => [s.id as string, s.stageId as string]));
  const stagesOf = (idea: Idea) =>
    new Set(
      [...idea.anchors, ...idea.steps]
        .filter((l) => l.mapId === input.map.id && !l.missing)
        .map((l) => l.stageId ?? (l.stepId ? stageOfStep.get(l.stepId) : undefined)),
    );
  return [...input.snapshot.stages]
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map((stage) => ({ stageId: stage.id, name: stage.name, ideas: ideas.filter((i) => stagesOf(i).has(stage.id)) }))
    .filter((s) => s.ideas.length > 0);
}

/**
 * One slide per stage that has ideas: each idea with its status, ICE and RICE scores, its place on the impact/effort
 * matrix and its owner, ranked as the backlog ranks them (the order the export's ideas come in).
 */
export function addIdeaSlides(pptx: PptxGenJS, input: ExportInput): void {
  const { locale } = input;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const score = (value: number | null) => (value === null ? "–" : number.format(value));
  const x = (key: Parameters<typeof translate<"exports">>[2], values = {}) => translate(locale, "exports", key, values);
  const v = (key: Parameters<typeof translate<"vocabulary">>[2]) => translate(locale, "vocabulary", key);
  const head = (text: string): Cell => ({ text, options: { bold: true, fill: { color: HEADER } } });
  for (const stage of ideasByStage(input)) {
    const newSlide = headedSlides(pptx, locale, x("stageIdeas", { stage: stage.name }), input.snapshot.settings.title);
    const header = ordered([x("title"), v("status"), "ICE", "RICE", x("matrixQuadrant"), x("owner")].map(head), locale);
    const rows: Cell[][] = stage.ideas.map((idea) =>
      ordered(
        [
          { text: idea.title },
          { text: v(`ideaStatus.${idea.status}`) },
          { text: score(idea.iceScore) },
          { text: score(idea.riceScore) },
          { text: idea.matrix ? v(`matrixQuadrant.${matrixQuadrant(idea.matrix)}`) : "" },
          { text: idea.ownerName ?? "" },
        ],
        locale,
      ),
    );
    const titleWidth = WIDTH - 2 * MARGIN - 8.4;
    addPagedTable(newSlide(), newSlide, {
      header: [header],
      rows,
      columnWidths: ordered([titleWidth, 1.8, 1.1, 1.3, 1.9, 2.3], locale),
      fontSize: 11,
      y: 1.3,
      options: fullWidthTable(locale),
    });
  }
}
