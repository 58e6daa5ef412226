import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ImportDraft } from "./ImportDraft.js";
import { parseImportFile } from "./parseImportFile.js";
import { RESEARCH_MAP_FILES, RESEARCH_MAPS, sourceTexts, textsNotKept } from "./researchMapFiles.js";
import { stringLeaves } from "./stringLeaves.js";

/** Every text the import keeps or reports: the map, its personas and touchpoints, and the report's dropped texts. */
function importedTexts(draft: ImportDraft): string[] {
  return [
    ...stringLeaves(draft.snapshot),
    ...stringLeaves(draft.personas.map((p) => p.fields)),
    ...stringLeaves(draft.touchpoints.map((t) => t.fields)),
    draft.report.fromVersion ?? "",
    ...draft.report.dropped.flatMap((d) => d.texts),
    // A note quotes what it read a value as (`severity "high" → 4 of 5`).
    ...draft.report.notes.flatMap((n) => Object.values(n.values).filter((v) => typeof v === "string")),
  ];
}

// The files of tools whose formats map import does not read yet, and what the refusal must call each one.
const REFUSED: Record<string, RegExp> = {
  "enablement-map-studio-yaml/ai-dev-org-standardization.yaml":
    /^ai-dev-org-standardization\.yaml: this looks like YAML from Enablement Map Studio \(kinds cjm, sbp, outcome, em\), which is not read yet/,
  "enablement-map-studio-yaml/sample.yaml":
    /^sample\.yaml: this looks like YAML from Enablement Map Studio \(kinds cjm, sbp, outcome, em\), which is not read yet/,
  "persona-lab-export/persona-lab-export-v4.json":
    /^persona-lab-export-v4\.json: this looks like a Persona Lab export \(personas, journeyMaps…\), which is not read yet$/,
  "service-blueprint-ir/sample-ir.json":
    /^sample-ir\.json: this looks like a service-blueprint IR \(lifecycle, phases, paths\), which is not read yet$/,
};

const parse = (path: string) =>
  parseImportFile({ name: path.split("/").pop()!, bytes: new Uint8Array(readFileSync(join(RESEARCH_MAPS, path))) });

describe("map import keeps every text of a file or says what it left out", () => {
  for (const path of RESEARCH_MAP_FILES.filter((p) => !(p in REFUSED)))
    it(`${path}: every text is, whole, in the imported map or in the report`, async () => {
      const draft = await parse(path);
      const source = sourceTexts(path, readFileSync(join(RESEARCH_MAPS, path), "utf8"));
      expect(source.length, path).toBeGreaterThan(10);
      expect(textsNotKept(source, importedTexts(draft)), path).toEqual([]);
    });

  for (const [path, named] of Object.entries(REFUSED))
    it(`${path}: is refused whole, the refusal naming the tool the file comes from`, async () => {
      await expect(parse(path)).rejects.toMatchObject({
        code: "unsupported_format",
        message: expect.stringMatching(named),
      });
    });

  it("reads every other file of the research folder (a new file there needs a round trip or a named refusal)", () => {
    expect(Object.keys(REFUSED).every((p) => RESEARCH_MAP_FILES.includes(p))).toBe(true);
    expect(RESEARCH_MAP_FILES).toHaveLength(10);
  });

  it("a file with a text the map cannot hold lists that text in the report, with its path and reason", async () => {
    const file = {
      version: "1.0",
      persona: "P",
      stages: [{ id: "s1", name: "Look", colour: "teal" }],
      swimlanes: [{ id: "l1", name: "Doing" }],
      nodes: [{ stageId: "s1", swimlaneId: "l1", title: "Browse", mood: { label: "curious" }, score: "high" }],
      author: "Someone else",
    };
    const draft = await parseImportFile({ name: "x.ojf", bytes: new TextEncoder().encode(JSON.stringify(file)) });
    expect(draft.report.dropped).toEqual(
      expect.arrayContaining([
        {
          path: "author",
          reason: "the map has no place for “author”",
          code: "noPlaceFor",
          values: { field: "author" },
          texts: ["Someone else"],
        },
        {
          path: "stages[].colour",
          reason: "the map has no place for “colour” (1 stage)",
          code: "noPlaceFor",
          values: { field: "colour", count: 1, of: "stages" },
          texts: ["teal"],
        },
        {
          path: "nodes[].mood",
          reason: "the map has no place for “mood” (1 node)",
          code: "noPlaceFor",
          values: { field: "mood", count: 1, of: "nodes" },
          texts: ["curious"],
        },
        {
          path: "nodes[0].score",
          reason: "a score is a number from −5 to 5",
          code: "scoreOutOfRange",
          values: {},
          texts: ["high"],
        },
      ]),
    );
  });
});
