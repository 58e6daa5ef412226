import pptxgen from "pptxgenjs";
import { isRightToLeft, type Locale } from "@opencjm/core";

// The deck's look, shared by its slides (pptxDeck.ts) and the idea slides (pptxIdeaSlides.ts).

// Latin and Cyrillic in Calibri and Persian in Tahoma, which every PowerPoint has (LibreOffice draws Tahoma with
// DejaVu Sans, whose Persian letters are complete and whose lines are short enough for the tables' row estimates;
// Noto Sans Arabic's taller lines ran the map table past the slide). Chinese names the Noto CJK faces Linux desktops
// and LibreOffice have (Debian's fonts-noto-cjk): with Microsoft YaHei named, LibreOffice fell back to the Japanese
// face. PowerPoint without Noto substitutes its own Chinese font, as it does for any missing font. (LibreOffice's PDF
// names the embedded font NotoSansCJKjp whichever face is named: the collection's faces share one glyph table, and each
// face's own character map picks its region's glyphs — rendered, 骨 differs between SC, TC and JP.)
export const FONT: Record<Locale, string> = {
  en: "Calibri",
  ru: "Calibri",
  "zh-Hant": "Noto Sans CJK TC",
  "zh-Hans": "Noto Sans CJK SC",
  fa: "Tahoma",
};
export const LANG: Record<Locale, string> = {
  en: "en-US",
  ru: "ru-RU",
  "zh-Hant": "zh-TW",
  "zh-Hans": "zh-CN",
  fa: "fa-IR",
};
/** Slide size and margin in inches (LAYOUT_WIDE), and the deck's colours. */
export const WIDTH = 13.33;
export const MARGIN = 0.4;
const INK = "1F2937";
export const MUTED = "6B7280";
export const HEADER = "E8ECF4";

// The package's types describe a CommonJS module (`exports.default`) while Node loads its ES build, whose default
// export is the class itself.
export const PptxGenJS = pptxgen as unknown as typeof pptxgen.default;
export type PptxGenJS = InstanceType<typeof PptxGenJS>;
export type Slide = pptxgen.default.Slide;
export type Cell = pptxgen.default.TableCell;

/** The deck's shared text settings for a language: font, language tag, direction and alignment. */
export function textBase(locale: Locale): pptxgen.default.TextPropsOptions {
  const rtl = isRightToLeft(locale);
  return { fontFace: FONT[locale], lang: LANG[locale], rtlMode: rtl, align: rtl ? "right" : "left", color: INK };
}

/** Reverses a row's cells for right-to-left languages, so the grid reads from the right as on screen. */
export function ordered<T>(cells: T[], locale: Locale): T[] {
  return isRightToLeft(locale) ? [...cells].reverse() : cells;
}

/** A slide's title, and its subtitle in a muted colour. */
export function addHeading(slide: Slide, locale: Locale, title: string, subtitle?: string): void {
  slide.addText(title, {
    ...textBase(locale),
    x: MARGIN,
    y: 0.25,
    w: WIDTH - 2 * MARGIN,
    h: 0.6,
    fontSize: 24,
    bold: true,
  });
  if (subtitle)
    slide.addText(subtitle, {
      ...textBase(locale),
      x: MARGIN,
      y: 0.8,
      w: WIDTH - 2 * MARGIN,
      h: 0.35,
      fontSize: 12,
      color: MUTED,
    });
}

/** Makes slides that all carry the same heading: a table's first slide and each one it flows onto. */
export function headedSlides(pptx: PptxGenJS, locale: Locale, title: string, subtitle?: string): () => Slide {
  return () => {
    const slide = pptx.addSlide();
    addHeading(slide, locale, title, subtitle);
    return slide;
  };
}

/** The look of a table as wide as the slide's margins allow, in a language's text settings. */
export function fullWidthTable(locale: Locale): Record<string, unknown> {
  return {
    ...textBase(locale),
    x: MARGIN,
    w: WIDTH - 2 * MARGIN,
    valign: "top",
    border: { type: "solid", pt: 0.5, color: "C7CEE6" },
  };
}
