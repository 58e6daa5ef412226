import JSZip from "jszip";
import { translate } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { fixtureIdea } from "./crowdedExportFixture.js";
import { demoExportInput, templateExportInput } from "./exportFixtures.js";
import { exportPptxDeck } from "./pptxDeck.js";

/** The text of each slide, paragraph by paragraph. */
async function slideTexts(bytes: Uint8Array): Promise<string[][]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  const xml = await Promise.all(names.map((n) => zip.file(n)!.async("string")));
  return xml.map((x) =>
    [...x.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
      .map((p) =>
        [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
          .map((m) => m[1])
          .join("")
          .trim(),
      )
      .filter(Boolean)
      .map((t) => t.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&")),
  );
}

describe("PowerPoint export: a slide of ideas per stage", () => {
  it("lists each stage's ideas with status, scores, quadrant and owner; stages without ideas get none", async () => {
    const input = demoExportInput();
    const [first, second] = input.snapshot.stages;
    const firstStep = input.snapshot.steps.findIndex((s) => s.stageId === first!.id);
    const secondStep = input.snapshot.steps.findIndex((s) => s.stageId === second!.id);
    input.ideas = [
      fixtureIdea(input, "Size finder", firstStep, {
        status: "shipped",
        ice: { impact: 7, confidence: 5, ease: 8 },
        iceScore: 280,
        rice: { reach: 12000, impact: 2, confidence: 80, effort: 4 },
        riceScore: 4800,
        matrix: { impact: 0.8, effort: 0.2 },
        ownerName: "Lena",
      }),
      fixtureIdea(input, "<b>Free returns</b>", secondStep, { status: "rejected" }),
    ];
    const slides = await slideTexts(await exportPptxDeck(input));
    const ideaSlides = slides.filter((s) => s[0]?.startsWith("Ideas for "));
    expect(ideaSlides.map((s) => s[0])).toEqual([`Ideas for ${first!.name}`, `Ideas for ${second!.name}`]);
    expect(ideaSlides[0]).toEqual(
      expect.arrayContaining(["Size finder", "Shipped", "280", "4,800", "Quick win", "Lena", "Impact/effort"]),
    );
    expect(ideaSlides[1]).toEqual(expect.arrayContaining(["<b>Free returns</b>", "Rejected"]));
    const none = await slideTexts(await exportPptxDeck(demoExportInput()));
    expect(none.some((s) => s[0]?.startsWith("Ideas for "))).toBe(false);
  });

  it("writes the slide in Persian with Persian digits, columns from the right", async () => {
    const input = templateExportInput("fa");
    const step = input.snapshot.steps[0]!;
    const stage = input.snapshot.stages.find((s) => s.id === step.stageId)!;
    input.ideas = [
      fixtureIdea(input, "ایدهٔ آزمایشی", 0, { ice: { impact: 9, confidence: 9, ease: 9 }, iceScore: 729 }),
    ];
    const slides = await slideTexts(await exportPptxDeck(input));
    const slide = slides.find((s) => s[0] === translate("fa", "exports", "stageIdeas", { stage: stage.name }))!;
    expect(slide).toBeDefined();
    expect(slide).toContain("۷۲۹");
    // Right to left: the owner column comes first in the row, the title last.
    const header = ["owner", "matrixQuadrant"].map((k) => translate("fa", "exports", k as "owner"));
    expect(slide.indexOf(header[0]!)).toBeLessThan(slide.indexOf(translate("fa", "exports", "title")));
  });
});
