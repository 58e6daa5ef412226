import { LANE_NAMES } from "@opencjm/core";
import { exportLabel, mapStatusName, mapTypeName } from "./exportLabels.js";
import { exportCardText, exportLookups, type ExportInput } from "./ExportInput.js";

/**
 * Escapes user text for Markdown (CommonMark): HTML becomes entities (so nothing renders as markup or script),
 * inline punctuation is backslash-escaped, and what would start a block at the start of a line is escaped where
 * CommonMark allows it: the mark itself (`\- item`, `\=` under a line), and for a numbered list the dot or
 * parenthesis after the number (`1\. Search`: a backslash before a digit is no escape and would show).
 */
export function escapeMarkdown(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replace(/([\\`*_[\]|#!~])/g, "\\$1")
    .replace(/^([ \t]*)([-+=])/gm, "$1\\$2")
    .replace(/^([ \t]*\d{1,9})([.)])/gm, "$1\\$2")
    .replace(/\r?\n/g, "  \n  ");
}

/** The map as a readable Markdown outline: settings, personas, then stage by stage, step by step, lane by lane. */
export function exportMarkdownOutline(input: ExportInput): string {
  const { snapshot, locale } = input;
  const s = snapshot.settings;
  const lookups = exportLookups(input);
  const e = escapeMarkdown;
  const out: string[] = [
    `# ${e(s.title)}`,
    "",
    `*${exportLabel(locale, "journeyMap")} · ${mapTypeName(s.type, locale)} · ${mapStatusName(s.status, locale)}*`,
    "",
  ];
  if (s.goal) out.push(`**${exportLabel(locale, "goal")}:** ${e(s.goal)}`, "");
  if (s.scope) out.push(`**${exportLabel(locale, "scope")}:** ${e(s.scope)}`, "");
  if (s.tags.length) out.push(`**${exportLabel(locale, "tags")}:** ${s.tags.map(e).join(", ")}`, "");
  if (input.personas.length) {
    out.push(`## ${exportLabel(locale, "personas")}`, "");
    for (const p of input.personas) {
      out.push(`- **${e(p.name)}**${p.summary ? ` — ${e(p.summary)}` : ""}`);
      if (p.quote) out.push(`  > ${e(p.quote)}`);
    }
    out.push("");
  }
  const used = new Set(
    snapshot.cells.flatMap((c) => c.cards.flatMap((k) => (k.kind === "touchpoint" ? [k.touchpointId as string] : []))),
  );
  const touchpoints = input.touchpoints.filter((t) => used.has(t.id));
  if (touchpoints.length) {
    // The cards name their touchpoints; what each one is (its description) is said once, here.
    out.push(`## ${LANE_NAMES.touchpoints[locale]}`, "");
    for (const t of touchpoints)
      out.push(
        `- **${e(t.name)}** (${e(lookups.channelName(t.channelId))})${t.description ? ` — ${e(t.description)}` : ""}`,
      );
    out.push("");
  }
  const lanes = snapshot.lanes.filter((l) => !l.hidden);
  for (const stage of snapshot.stages) {
    out.push(`## ${exportLabel(locale, "stage")}: ${e(stage.name)}`, "");
    if (stage.description) out.push(e(stage.description), "");
    for (const step of snapshot.steps.filter((x) => x.stageId === stage.id)) {
      out.push(`### ${e(step.name)}`, "");
      if (step.description) out.push(e(step.description), "");
      for (const lane of lanes) {
        if (lane.type === "emotion") {
          const points = snapshot.emotions.filter((p) => p.stepId === step.id);
          if (points.length)
            out.push(
              `- **${e(lane.name || LANE_NAMES.emotion[locale])}:** ${points.map((p) => `${e(lookups.personaName(p.personaId))} ${p.value}${p.note ? ` (${e(p.note)})` : ""}`).join("; ")}`,
            );
          continue;
        }
        const cards = snapshot.cells.find((c) => c.laneId === lane.id && c.stepId === step.id)?.cards ?? [];
        if (cards.length === 0) continue;
        out.push(`- **${e(lane.name || LANE_NAMES[lane.type][locale])}:**`);
        for (const card of cards) out.push(`  - ${e(exportCardText(card, lookups, locale))}`);
      }
      out.push("");
    }
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
