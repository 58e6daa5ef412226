import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { demoExportInput, templateExportInput } from "./exportFixtures.js";
import { PICTURE_CAPTIONS, PICTURE_ELSEWHERE, UPLOADED_PICTURE, withPictures } from "./pictureExportFixture.js";
import { exportPptxDeck, STEPS_PER_SLIDE } from "./pptxDeck.js";

/** The slides of a deck as XML, in order. */
async function slides(bytes: Uint8Array): Promise<{ zip: JSZip; xml: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return { zip, xml: await Promise.all(names.map((n) => zip.file(n)!.async("string"))) };
}

const unescape = (t: string) =>
  t
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");
/** The text of each paragraph of a slide (PowerPoint splits a paragraph into runs; tables split long text by word). */
const texts = (xml: string) =>
  [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
    .map((p) => unescape([...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join("")).trim())
    .filter(Boolean);

describe("PowerPoint export", () => {
  it("builds native, editable slides: title, persona, the map as tables split by width, an emotion chart, pains, opportunities", async () => {
    const input = demoExportInput();
    const { zip, xml } = await slides(await exportPptxDeck(input));
    expect(texts(xml[0]!)).toContain(input.snapshot.settings.title);
    expect(texts(xml[1]!)).toContain(input.personas[0]!.name);
    expect(xml[1]).toMatch(/prstGeom prst="roundRect"/);
    const mapSlides = xml.filter((x) => x.includes("<a:tbl>") && texts(x).includes("Step"));
    expect(mapSlides.length).toBeGreaterThanOrEqual(Math.ceil(input.snapshot.steps.length / STEPS_PER_SLIDE));
    const mapText = mapSlides.flatMap(texts);
    for (const step of input.snapshot.steps) expect(mapText).toContain(step.name);
    for (const stage of input.snapshot.stages) expect(mapText).toContain(stage.name);
    expect(mapText).toContain("• Scrolls Instagram on the tram");
    expect(Object.keys(zip.files).some((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    const pains = input.snapshot.cells.flatMap((c) => c.cards).filter((c) => c.kind === "painPoint");
    const all = xml.flatMap(texts);
    for (const p of pains) expect(all).toContain(p.kind === "painPoint" ? `${p.text} [${p.severity}/5]` : "");
    expect(xml.some((x) => x.includes("<p:pic>"))).toBe(false);
  });

  it("writes Persian right to left with its language tag, and Chinese with its own", async () => {
    const fa = await slides(await exportPptxDeck(templateExportInput("fa")));
    expect(fa.xml[0]).toMatch(/rtl="1"/);
    expect(fa.xml[0]).toMatch(/lang="fa-IR"/);
    expect(fa.xml.flatMap(texts)).toContain("مریم یک دوچرخه می‌خرد ۱۴۰۵");
    const zh = await slides(await exportPptxDeck(templateExportInput("zh-Hant")));
    expect(zh.xml[0]).toMatch(/lang="zh-TW"/);
    expect(zh.xml.flatMap(texts)).toContain("階段");
  });

  it("keeps user text as text: markup in a card is escaped, not interpreted", async () => {
    const input = demoExportInput();
    const cell = input.snapshot.cells.find((c) => c.cards[0]?.kind === "action")!;
    cell.cards[0] = {
      ...cell.cards[0]!,
      kind: "action",
      text: '<script>alert("x")</script> & more',
    } as (typeof cell.cards)[0];
    const { xml } = await slides(await exportPptxDeck(input));
    expect(xml.join("")).not.toContain("<script>");
    expect(xml.flatMap(texts).some((t) => t.includes('<script>alert("x")</script> & more'))).toBe(true);
  });

  it("places an uploaded picture on the slide as a picture and names it in the map table, never as base64", async () => {
    const input = withPictures(templateExportInput("ru"));
    const { zip, xml } = await slides(await exportPptxDeck(input));
    const base64 = UPLOADED_PICTURE.split(",")[1]!;
    expect(xml.some((x) => x.includes(base64.slice(0, 40)))).toBe(false);
    const mapText = xml.filter((x) => x.includes("<a:tbl>")).flatMap(texts);
    expect(mapText).toContain(`[изображение: ${PICTURE_CAPTIONS.uploaded}]`);
    // A picture on another site is not fetched: its caption and address stay as text.
    expect(mapText).toContain(`${PICTURE_CAPTIONS.elsewhere} <${PICTURE_ELSEWHERE}>`);
    const withPicture = xml.filter((x) => x.includes("<p:pic>"));
    expect(withPicture).toHaveLength(1);
    expect(texts(withPicture[0]!)).toEqual(
      expect.arrayContaining(["Изображения", PICTURE_CAPTIONS.uploaded, expect.stringContaining(" · ")]),
    );
    expect(withPicture[0]).toContain(`descr="${PICTURE_CAPTIONS.uploaded}"`);
    const media = Object.keys(zip.files).filter((n) => /^ppt\/media\/./.test(n));
    expect(media).toHaveLength(1);
    expect(await zip.file(media[0]!)!.async("base64")).toBe(base64);
    // Drawn at the picture's own 3:2 proportions.
    const [cx, cy] = withPicture[0]!
      .match(/<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"/)!
      .slice(1)
      .map(Number);
    expect(cx! / cy!).toBeCloseTo(1.5, 2);
  });
});
