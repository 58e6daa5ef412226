import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder of journey-map files written by other tools that the import tests read (shared, not shipped). */
export const RESEARCH_MAPS = fileURLToPath(
  new URL("../../../../../shared/cjm-research-data/journey-maps/", import.meta.url),
);

/** Every map file in that folder, as `tool-folder/file`. */
export const RESEARCH_MAP_FILES = readdirSync(RESEARCH_MAPS)
  .flatMap((dir) => readdirSync(join(RESEARCH_MAPS, dir)).map((f) => `${dir}/${f}`))
  .sort();

// Keys whose values only place things (a node on its stage and lane): they are read, not texts to keep.
const PLACING_KEYS = new Set(["id", "stageId", "swimlaneId"]);

/** The texts of a source file: string leaves of JSON (ids excepted), or the fields of a Mermaid journey's lines. */
export function sourceTexts(path: string, text: string): string[] {
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

/**
 * The fields a kept text holds, each one whole: the text, each of its lines, and both parts of a line that joins two
 * fields as "A (B)" (an evidence item and its type, a feeling after a card's words). Never a word inside a text.
 */
function fieldsOf(kept: string): string[] {
  const lines = kept.split("\n").map((l) => l.trim());
  const parts = lines.flatMap((l) => {
    const joined = l.match(/^(.*?)\s*\(([^()]+)\)$/);
    return joined ? [joined[1]!.trim(), joined[2]!.trim()] : [];
  });
  return [kept.trim(), ...lines, ...parts];
}

/** The values a worded import note quotes (`severity "high" → 4 of 5` quotes `high`). */
export function quotedIn(notes: readonly string[]): string[] {
  return notes.flatMap((n) => [...n.matchAll(/"([^"]*)"/g)].map((m) => m[1]!));
}

/** The source texts that stand as no whole field of any kept text: what an import lost without saying so. */
export function textsNotKept(sources: readonly string[], kept: readonly string[]): string[] {
  const fields = new Set(kept.flatMap(fieldsOf));
  return sources.filter((t) => !fields.has(t));
}
