import { isRightToLeft } from "@opencjm/core";
import { exportLabel, mapStatusName, mapTypeName, type ExportLabel } from "./exportLabels.js";
import { exportCardText, exportLookups, type ExportInput } from "./ExportInput.js";
import { buildMapGrid, type GridStage } from "./mapGrid.js";
import { addDescriptionSlide } from "./pptxDescriptionSlide.js";
import { addIdeaSlides } from "./pptxIdeaSlides.js";
import { addPictureSlides } from "./pptxPictureSlides.js";
import {
  addHeading,
  FONT,
  fullWidthTable,
  headedSlides,
  HEADER,
  LANG,
  MARGIN,
  MUTED,
  ordered,
  PptxGenJS,
  textBase,
  WIDTH,
  type Cell,
} from "./pptxLayout.js";
import { addPagedTable } from "./pptxTablePages.js";

/** Steps per map slide: six columns stay legible at 9 pt on a 13.33-inch slide. */
export const STEPS_PER_SLIDE = 6;

function addTitleSlide(pptx: PptxGenJS, input: ExportInput): void {
  const { locale } = input;
  const s = input.snapshot.settings;
  const slide = pptx.addSlide();
  const base = textBase(locale);
  slide.addShape(pptx.ShapeType.rect, {
    x: 0,
    y: 0,
    w: WIDTH,
    h: 0.25,
    fill: { color: "4F6BED" },
    line: { color: "4F6BED" },
  });
  slide.addText(s.title, { ...base, x: MARGIN, y: 1.6, w: WIDTH - 2 * MARGIN, h: 1.2, fontSize: 40, bold: true });
  slide.addText(
    `${exportLabel(locale, "journeyMap")} · ${mapTypeName(s.type, locale)} · ${mapStatusName(s.status, locale)}`,
    { ...base, x: MARGIN, y: 2.8, w: WIDTH - 2 * MARGIN, h: 0.5, fontSize: 18, color: MUTED },
  );
  const lines = [
    s.goal ? `${exportLabel(locale, "goal")}: ${s.goal}` : "",
    s.scope ? `${exportLabel(locale, "scope")}: ${s.scope}` : "",
  ].filter(Boolean);
  if (lines.length)
    slide.addText(lines.join("\n\n"), {
      ...base,
      x: MARGIN,
      y: 3.5,
      w: WIDTH - 2 * MARGIN,
      h: 2.6,
      fontSize: 14,
      valign: "top",
    });
  slide.addText(exportLabel(locale, "exportedOn", { date: input.exportedAt.toISOString().slice(0, 10) }), {
    ...base,
    x: MARGIN,
    y: 6.8,
    w: WIDTH - 2 * MARGIN,
    h: 0.4,
    fontSize: 10,
    color: MUTED,
  });
}

function addPersonaSlides(pptx: PptxGenJS, input: ExportInput): void {
  const { locale } = input;
  const base = textBase(locale);
  for (const p of input.personas) {
    const slide = pptx.addSlide();
    addHeading(slide, locale, p.name, exportLabel(locale, "persona"));
    slide.addShape(pptx.ShapeType.roundRect, {
      x: MARGIN,
      y: 1.3,
      w: 4.2,
      h: 5.6,
      fill: { color: "F3F5FB" },
      line: { color: "C7CEE6" },
      rectRadius: 0.15,
    });
    const demographics = Object.values(p.demographics).filter(Boolean).join(" · ");
    const about = [p.summary, demographics, p.quote ? `“${p.quote}”` : ""].filter(Boolean).join("\n\n");
    slide.addText(about || " ", { ...base, x: MARGIN + 0.2, y: 1.45, w: 3.8, h: 5.3, fontSize: 12, valign: "top" });
    const sections: Array<[ExportLabel, string[]]> = [
      ["goals", p.goals],
      ["needs", p.needs],
      ["frustrations", p.frustrations],
      ["concerns", p.concerns],
      ["behaviours", p.behaviours],
    ];
    const rows: Cell[][] = sections
      .filter(([, items]) => items.length > 0)
      .map(([label, items]) =>
        ordered(
          [
            { text: exportLabel(locale, label), options: { bold: true, fill: { color: HEADER } } },
            { text: items.map((i) => `• ${i}`).join("\n") },
          ],
          locale,
        ),
      );
    if (rows.length)
      slide.addTable(rows, {
        ...base,
        x: 4.9,
        y: 1.3,
        w: WIDTH - 4.9 - MARGIN,
        colW: ordered([2, WIDTH - 6.9 - MARGIN], locale),
        fontSize: 11,
        border: { type: "solid", pt: 0.5, color: "C7CEE6" },
        valign: "top",
      });
  }
}

/** Steps of the grid in chunks that fit a slide, each with the stages it overlaps. */
function chunks(stages: GridStage[]): GridStage[][] {
  const out: GridStage[][] = [];
  let current: GridStage[] = [];
  let count = 0;
  for (const { stage, steps } of stages) {
    for (let i = 0; i < steps.length;) {
      const take = Math.min(STEPS_PER_SLIDE - count, steps.length - i);
      current.push({ stage, steps: steps.slice(i, i + take) });
      count += take;
      i += take;
      if (count === STEPS_PER_SLIDE) {
        out.push(current);
        current = [];
        count = 0;
      }
    }
  }
  if (current.length) out.push(current);
  return out;
}

function addMapSlides(pptx: PptxGenJS, input: ExportInput): void {
  const { locale } = input;
  const grid = buildMapGrid(input);
  const parts = chunks(grid.stages);
  const stepIndex = new Map(grid.steps.map((s, i) => [s.id as string, i]));
  const base = textBase(locale);
  parts.forEach((part, n) => {
    const title = input.snapshot.settings.title;
    const newSlide = headedSlides(
      pptx,
      locale,
      title,
      parts.length > 1
        ? `${exportLabel(locale, "map")} · ${exportLabel(locale, "part", { n: n + 1, total: parts.length })}`
        : exportLabel(locale, "map"),
    );
    const steps = part.flatMap((g) => g.steps);
    const columns = steps.map((s) => stepIndex.get(s.id)!);
    const header = (text: string, colspan = 1, fill = HEADER): Cell => ({
      text,
      options: { bold: true, colspan, fill: { color: fill }, align: "center" },
    });
    const stageRow: Cell[] = [
      header(exportLabel(locale, "stage")),
      ...part.map((g) => header(g.stage.name, g.steps.length, g.stage.color?.slice(1) ?? HEADER)),
    ];
    const stepRow: Cell[] = [header(exportLabel(locale, "step")), ...steps.map((s) => header(s.name))];
    const laneRows: Cell[][] = grid.rows.map((row) => {
      const label = row.kind === "emotion" ? `${row.lane.name} · ${row.persona?.name ?? row.personaId}` : row.lane.name;
      const cells = columns.map((c): Cell =>
        row.kind === "emotion"
          ? { text: row.values[c] === undefined ? "" : String(row.values[c]), options: { align: "center" } }
          : { text: row.cells[c] ?? "" },
      );
      return [{ text: label, options: { bold: true, fill: { color: "F7F8FB" } } }, ...cells];
    });
    const labelWidth = 1.9;
    const stepWidth = (WIDTH - 2 * MARGIN - labelWidth) / STEPS_PER_SLIDE;
    addPagedTable(newSlide(), newSlide, {
      header: [stageRow, stepRow].map((r) => ordered(r, locale)),
      rows: laneRows.map((r) => ordered(r, locale)),
      columnWidths: ordered([labelWidth, ...steps.map(() => stepWidth)], locale),
      fontSize: 9,
      y: 1.25,
      options: {
        ...base,
        x: isRightToLeft(locale) ? WIDTH - MARGIN - labelWidth - steps.length * stepWidth : MARGIN,
        valign: "top",
        border: { type: "solid", pt: 0.5, color: "C7CEE6" },
      },
    });
  });
}

function addEmotionChart(pptx: PptxGenJS, input: ExportInput): void {
  const { locale } = input;
  const grid = buildMapGrid(input);
  const rows = grid.rows.filter((r) => r.kind === "emotion" && r.values.some((v) => v !== undefined));
  if (rows.length === 0) return;
  const slide = pptx.addSlide();
  addHeading(slide, locale, exportLabel(locale, "laneType.emotion"), input.snapshot.settings.title);
  const labels = ordered(
    grid.steps.map((s) => s.name),
    locale,
  );
  const data = rows.map((r) => ({
    name: r.kind === "emotion" ? (r.persona?.name ?? r.personaId) : "",
    labels,
    values: ordered(r.kind === "emotion" ? r.values.map((v) => v ?? 0) : [], locale),
  }));
  const { min, max } = input.snapshot.settings.emotionScale;
  slide.addChart(pptx.ChartType.line, data, {
    x: MARGIN,
    y: 1.3,
    w: WIDTH - 2 * MARGIN,
    h: 5.8,
    lang: LANG[locale],
    valAxisMinVal: min,
    valAxisMaxVal: max,
    showLegend: true,
    legendPos: "b",
    lineSize: 2,
    lineDataSymbol: "circle",
    catAxisLabelFontFace: FONT[locale],
    catAxisLabelFontSize: 9,
    legendFontFace: FONT[locale],
  });
}

/** A table of every card of some kinds with its stage and step, split over as many slides as it needs. */
function addCardTable(
  pptx: PptxGenJS,
  input: ExportInput,
  heading: ExportLabel,
  kinds: ReadonlyArray<"painPoint" | "opportunity">,
): void {
  const { locale, snapshot } = input;
  const lookups = exportLookups(input);
  const steps = new Map(snapshot.steps.map((s) => [s.id as string, s]));
  const stages = new Map(snapshot.stages.map((s) => [s.id as string, s.name]));
  const rows: Cell[][] = [];
  for (const cell of snapshot.cells) {
    for (const card of cell.cards) {
      if (!(kinds as readonly string[]).includes(card.kind)) continue;
      const step = steps.get(cell.stepId);
      rows.push(
        ordered(
          [
            { text: stages.get(step?.stageId ?? "") ?? "" },
            { text: step?.name ?? "" },
            { text: exportCardText(card, lookups, locale) },
          ],
          locale,
        ),
      );
    }
  }
  if (rows.length === 0) return;
  const newSlide = headedSlides(pptx, locale, exportLabel(locale, heading), input.snapshot.settings.title);
  const head = (k: ExportLabel | string, raw = false): Cell => ({
    text: raw ? k : exportLabel(locale, k as ExportLabel),
    options: { bold: true, fill: { color: HEADER } },
  });
  const header = ordered(
    [head("stage"), head("step"), head(kinds[0] === "painPoint" ? "laneType.painPoints" : "laneType.opportunities")],
    locale,
  );
  addPagedTable(newSlide(), newSlide, {
    header: [header],
    rows,
    columnWidths: ordered([2.4, 2.8, WIDTH - 2 * MARGIN - 5.2], locale),
    fontSize: 11,
    y: 1.3,
    options: fullWidthTable(locale),
  });
}

/** The map as a PowerPoint deck of native shapes, tables, a chart and pictures, in the order of the calls below. */
export async function exportPptxDeck(input: ExportInput): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = input.snapshot.settings.title;
  pptx.company = "OpenCJM";
  pptx.rtlMode = isRightToLeft(input.locale);
  pptx.theme = { headFontFace: FONT[input.locale], bodyFontFace: FONT[input.locale] };
  addTitleSlide(pptx, input);
  addPersonaSlides(pptx, input);
  addMapSlides(pptx, input);
  addPictureSlides(pptx, input);
  addEmotionChart(pptx, input);
  addCardTable(pptx, input, "laneType.painPoints", ["painPoint"]);
  addCardTable(pptx, input, "laneType.opportunities", ["opportunity"]);
  addDescriptionSlide(pptx, input);
  addIdeaSlides(pptx, input);
  const out = await pptx.write({ outputType: "nodebuffer", compression: true });
  return new Uint8Array(out as Buffer);
}
