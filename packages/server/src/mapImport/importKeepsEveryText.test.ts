import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ImportDraft } from "./ImportDraft.js";
import { parseImportFile } from "./parseImportFile.js";
import { summarizeImport } from "./summarizeImport.js";
import { stringLeaves } from "./stringLeaves.js";

const SHARED = fileURLToPath(new URL("../../../../../shared/cjm-research-data/journey-maps/", import.meta.url));
const ALL = readdirSync(SHARED).flatMap((dir) => readdirSync(join(SHARED, dir)).map((f) => `${dir}/${f}`));

// Keys whose values only place things (a node on its stage and lane): they are read, not texts to keep.
const PLACING_KEYS = new Set(["id", "stageId", "swimlaneId"]);

/** The texts of a source file: string leaves of JSON (ids excepted), or the words of a Mermaid journey's lines. */
function sourceTexts(path: string, text: string): string[] {
  if (path.endsWith(".mmd"))
    return text
      .split("\n")
      .slice(1)
      .flatMap((line) =>
        line
          .trim()
          .replace(/^(title|section)\s+/, "")
          .split(/[:,]/),
      )
      .map((t) => t.trim())
      .filter((t) => t && !Number.isFinite(Number(t)));
  const out: string[] = [];
  const walk = (v: unknown, key?: string): void => {
    if (typeof v === "string") return void (key && PLACING_KEYS.has(key) ? undefined : out.push(v));
    if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === "object") Object.entries(v).forEach(([k, x]) => walk(x, k));
  };
  walk(JSON.parse(text));
  return out.map((t) => t.trim()).filter(Boolean);
}

/** Every text the import keeps or reports: the map, its personas and touchpoints, and the report's dropped texts. */
function importedTexts(draft: ImportDraft): string[] {
  const preview = summarizeImport(draft);
  return [
    ...stringLeaves(draft.snapshot),
    ...stringLeaves(draft.personas.map((p) => p.fields)),
    ...stringLeaves(draft.touchpoints.map((t) => t.fields)),
    preview.report.fromVersion ?? "",
    ...preview.report.dropped.flatMap((d) => d.texts),
    // A note quotes what it read a value as (`severity "high" → 4 of 5`).
    ...preview.report.notes.flatMap((n) => Object.values(n.values).filter((v) => typeof v === "string")),
  ];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** True when the text stands whole in one of the kept texts (not as part of a longer word). */
const keptIn = (kept: string[], text: string) => {
  const whole = new RegExp(`(?<![\\p{L}\\p{N}])${escape(text)}(?![\\p{L}\\p{N}])`, "u");
  return kept.some((k) => k === text || whole.test(k));
};

describe("map import keeps every text of a file or says what it left out", () => {
  for (const path of ALL)
    it(`${path}: every text is in the imported map or in the report`, async () => {
      const bytes = new Uint8Array(readFileSync(join(SHARED, path)));
      let draft: ImportDraft;
      try {
        draft = await parseImportFile({ name: path.split("/").pop()!, bytes });
      } catch (err) {
        // A file we do not read is refused whole, naming it: nothing of it is imported, so nothing is lost unseen.
        expect(err, path).toMatchObject({ code: "unsupported_format" });
        return;
      }
      const kept = importedTexts(draft);
      const missing = sourceTexts(path, new TextDecoder().decode(bytes)).filter((t) => !keptIn(kept, t));
      expect(missing, path).toEqual([]);
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
