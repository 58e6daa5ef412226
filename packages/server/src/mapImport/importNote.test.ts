import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { localiseImportReport } from "./dropReason.js";
import { parseImportFile } from "./parseImportFile.js";
import { parseMermaidJourney } from "./parseMermaidJourney.js";

const OJF = new URL(
  "../../../../../shared/cjm-research-data/journey-maps/openjourney-ojf/ecommerce-purchase.ojf",
  import.meta.url,
);

describe("the notes an import makes about its guesses, in the reader's language", () => {
  it("words a clamped score where it was, in English, Russian and Persian", () => {
    const draft = parseMermaidJourney("journey\n  title Shop\n  section Buy\n    Pay: 9: Me\n");
    expect(localiseImportReport(draft.report, "en").notes).toEqual(["line 4: score 9 is outside 1…5, kept as 5"]);
    expect(localiseImportReport(draft.report, "ru").notes).toEqual(["line 4: оценка 9 вне диапазона 1…5, сохранено 5"]);
    expect(localiseImportReport(draft.report, "fa").notes[0]).toContain("امتیاز");
  });

  it("names lane types and channels with the screen's words in each language", async () => {
    const draft = await parseImportFile({ name: "ecommerce-purchase.ojf", bytes: readFileSync(OJF) });
    const english = localiseImportReport(draft.report, "en").notes;
    const chinese = localiseImportReport(draft.report, "zh-Hans").notes;
    expect(english.length).toBeGreaterThan(0);
    expect(chinese).toHaveLength(english.length);
    expect(english.some((n) => /^swimlanes\[\d+\]: swimlane ".+" → .+ lane$/.test(n))).toBe(true);
    expect(chinese.some((n) => n.includes("泳道"))).toBe(true);
    // No note is left in English in another language: none has an English word of the notes' own.
    for (const note of chinese) expect(note).not.toMatch(/\b(swimlane|touchpoint|channel|lane|kept as)\b/);
  });
});
