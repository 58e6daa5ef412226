import { isRightToLeft } from "@opencjm/core";
import { exportLabel } from "./exportLabels.js";
import type { ExportInput } from "./ExportInput.js";
import { imageDimensions, type ImageSize } from "./imageDimensions.js";
import { headedSlides, MARGIN, MUTED, textBase, WIDTH, type PptxGenJS } from "./pptxLayout.js";

/** An uploaded picture of the map with where it sits and its caption. */
interface Picture {
  url: string;
  size: ImageSize;
  alt: string;
  place: string;
}

/** Pictures per slide: three across, two down, each large enough to be seen from the back of a room. */
const COLUMNS = 3;
const ROWS = 2;
const TOP = 1.3;
const GAP = 0.3;
const TILE_W = (WIDTH - 2 * MARGIN - (COLUMNS - 1) * GAP) / COLUMNS;
const PICTURE_H = 2.2;
const CAPTION_H = 0.7;

/** The map's uploaded pictures in the grid's order (stage, step, lane), each with its stage and step named. */
function uploadedPictures(input: ExportInput): Picture[] {
  const { snapshot } = input;
  const steps = snapshot.stages.flatMap((stage) =>
    snapshot.steps.filter((s) => s.stageId === stage.id).map((step) => ({ step, stage })),
  );
  const lanes = snapshot.lanes.filter((l) => !l.hidden).map((l) => l.id as string);
  const out: Picture[] = [];
  for (const { step, stage } of steps)
    for (const laneId of lanes)
      for (const cell of snapshot.cells)
        if (cell.stepId === step.id && cell.laneId === laneId)
          for (const card of cell.cards) {
            // Only pictures stored in the map: a picture on another site would have to be fetched from wherever
            // its address points, which the server never does on a card's say-so.
            const size = card.kind === "image" ? imageDimensions(card.url) : null;
            if (card.kind === "image" && size)
              out.push({ url: card.url, size, alt: card.alt, place: `${stage.name} · ${step.name}` });
          }
  return out;
}

/** The largest box of the picture's proportions inside w × h, centred in it. */
function fitted(size: ImageSize, x: number, y: number, w: number, h: number) {
  const scale = Math.min(w / size.width, h / size.height);
  const [fw, fh] = [size.width * scale, size.height * scale];
  return { x: x + (w - fw) / 2, y: y + (h - fh) / 2, w: fw, h: fh };
}

/**
 * Slides showing the map's uploaded pictures as pictures, six to a slide with their caption and their stage and step:
 * a table cell of the map slides can hold only text, where such a picture is named ("[picture: …]").
 */
export function addPictureSlides(pptx: PptxGenJS, input: ExportInput): void {
  const { locale } = input;
  const pictures = uploadedPictures(input);
  if (pictures.length === 0) return;
  const newSlide = headedSlides(pptx, locale, exportLabel(locale, "laneType.images"), input.snapshot.settings.title);
  const base = textBase(locale);
  const perSlide = COLUMNS * ROWS;
  for (let first = 0; first < pictures.length; first += perSlide) {
    const slide = newSlide();
    pictures.slice(first, first + perSlide).forEach((picture, i) => {
      const column = isRightToLeft(locale) ? COLUMNS - 1 - (i % COLUMNS) : i % COLUMNS;
      const x = MARGIN + column * (TILE_W + GAP);
      const y = TOP + Math.floor(i / COLUMNS) * (PICTURE_H + CAPTION_H + GAP);
      slide.addImage({ data: picture.url, altText: picture.alt, ...fitted(picture.size, x, y, TILE_W, PICTURE_H) });
      slide.addText(
        [
          ...(picture.alt ? [{ text: picture.alt, options: { bold: true, breakLine: true } }] : []),
          { text: picture.place, options: { color: MUTED } },
        ],
        { ...base, x, y: y + PICTURE_H + 0.05, w: TILE_W, h: CAPTION_H - 0.05, fontSize: 11, valign: "top" },
      );
    });
  }
}
