import { LANE_NAMES, newId, PersonaFieldsSchema } from "@opencjm/core";
import { droppedItem } from "./dropReason.js";
import { importFileError } from "./importFileError.js";
import { emptyReport, type ImportDraft } from "./ImportDraft.js";
import { importNote } from "./importNote.js";
import { MapDraftBuilder } from "./MapDraftBuilder.js";

/** Mermaid scores tasks 1 (bad) … 5 (good); the imported map uses −2…2, so 3 is neutral. */
const SCALE = { min: -2, max: 2 };

/** Strips a Markdown fence, YAML front matter and `%%` comments, keeping line numbers as they are in the file. */
function meaningfulLines(text: string): Array<{ n: number; line: string }> {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const out: Array<{ n: number; line: string }> = [];
  let inFrontMatter = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (i === 0 && line === "---") return void (inFrontMatter = true);
    if (inFrontMatter) return void (line === "---" && (inFrontMatter = false));
    if (!line || line.startsWith("%%") || /^```/.test(line)) return;
    out.push({ n: i + 1, line });
  });
  return out;
}

/** True when text looks like a Mermaid journey diagram. */
export function isMermaidJourney(text: string): boolean {
  return meaningfulLines(text.slice(0, 4096))[0]?.line === "journey";
}

/**
 * Reads a Mermaid `journey` diagram: `section` lines become stages, task lines (`name: score: actor, actor`) steps,
 * each actor a persona whose emotion at that step is the task's score. A line that fits none of the syntax is an
 * error naming its line number.
 */
export function parseMermaidJourney(text: string): ImportDraft {
  const lines = meaningfulLines(text);
  if (lines[0]?.line !== "journey")
    throw importFileError(`line ${lines[0]?.n ?? 1}`, 'a Mermaid journey starts with "journey"');
  const report = emptyReport();
  const builder = new MapDraftBuilder(report);
  const personas = new Map<string, string>();
  const personaFor = (name: string) => {
    let id = personas.get(name);
    if (!id) personas.set(name, (id = newId("per_")));
    return id;
  };
  let title = "";
  let stageId: string | undefined;
  builder.addLane("emotion", LANE_NAMES.emotion.en);
  for (const { n, line } of lines.slice(1)) {
    const where = `line ${n}`;
    const keyword = line.match(/^(title|section|accTitle|accDescr)\b\s*:?\s*(.*)$/);
    if (keyword) {
      const [, word, rest] = keyword as unknown as [string, string, string];
      if (word === "title") title = rest.trim();
      else if (word === "section") stageId = builder.addStage(rest.trim());
      else
        report.dropped.push(
          droppedItem(
            where,
            { code: word === "accTitle" ? "accessibilityTitle" : "accessibilityDescription", values: {} },
            [rest.trim()],
          ),
        );
      continue;
    }
    const task = line.match(/^([^:]+):\s*([^:]*?)\s*(?::\s*(.*))?$/);
    if (!task) throw importFileError(where, 'expected "title …", "section …" or a task "name: score: actor, actor"');
    const [, name, rawScore, rawActors] = task as unknown as [string, string, string, string | undefined];
    const score = Number(rawScore);
    if (rawScore === "" || !Number.isFinite(score)) throw importFileError(where, `score "${rawScore}" is not a number`);
    stageId ??= builder.addStage(title || "Journey");
    const stepId = builder.addStep(stageId, name.trim());
    const value = score - 3;
    const clamped = Math.min(SCALE.max, Math.max(SCALE.min, value));
    if (clamped !== value)
      report.notes.push(importNote(where, "note.scoreClamped", { value: score, min: 1, max: 5, kept: clamped + 3 }));
    const actors = (rawActors ?? "")
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean);
    for (const actor of actors.length ? actors : ["Customer"]) {
      if (actor.length > 120)
        report.dropped.push(droppedItem(where, { code: "personaNameTooLong", values: { max: 120 } }, [actor]));
      builder.setEmotion(personaFor(actor.slice(0, 120)), stepId, clamped);
    }
  }
  const personaIds = [...personas.values()];
  if (title.length > 200)
    report.dropped.push(droppedItem("title", { code: "mapTitleTooLong", values: { max: 200 } }, [title]));
  const snapshot = builder.build(
    { title: title.slice(0, 200) || "Journey", type: "currentState", personaIds, emotionScale: SCALE, locale: "en" },
    "file",
  );
  return {
    format: "mermaid",
    snapshot,
    personas: [...personas].map(([name, oldId]) => ({ oldId, fields: PersonaFieldsSchema.parse({ name }) })),
    touchpoints: [],
    report,
  };
}
