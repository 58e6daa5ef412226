import type { EmotionScale } from "@opencjm/core";
import type { ExportInput } from "./ExportInput.js";
import { exportLookups } from "./ExportInput.js";

// Mermaid's journey grammar ends a title at # ; or a newline, and a section or task name also at ':'. There is no
// escape inside these tokens, so such characters become their full-width look-alikes.
const FORBIDDEN: Record<string, string> = { "#": "＃", ";": "；", ":": "：", ",": "，" };

/** Makes text safe as a Mermaid journey token (title, section, task or actor). */
export function mermaidText(value: string, extra: RegExp = /[#;:]/g): string {
  return (
    value
      .replace(/\s+/g, " ")
      .trim()
      .replace(extra, (c) => FORBIDDEN[c] ?? c) || "-"
  );
}

/** Maps an emotion value on the map's scale to Mermaid's 1…5 task score. */
export function toMermaidScore(value: number, scale: EmotionScale): number {
  return Math.min(5, Math.max(1, Math.round(1 + ((value - scale.min) * 4) / (scale.max - scale.min))));
}

/**
 * The map as Mermaid `journey` text: stages become sections, steps tasks, the task score is the mean emotion of the
 * personas who felt something there, and those personas are the task's actors.
 */
export function exportMermaidJourney(input: ExportInput): string {
  const { snapshot } = input;
  const lookups = exportLookups(input);
  const scale = snapshot.settings.emotionScale;
  const lines = ["journey", `    title ${mermaidText(snapshot.settings.title)}`];
  for (const stage of snapshot.stages) {
    const steps = snapshot.steps.filter((s) => s.stageId === stage.id);
    if (steps.length === 0) continue;
    lines.push(`    section ${mermaidText(stage.name)}`);
    for (const step of steps) {
      const points = snapshot.emotions.filter((e) => e.stepId === step.id);
      const mid = (scale.min + scale.max) / 2;
      const value = points.length ? points.reduce((sum, p) => sum + p.value, 0) / points.length : mid;
      const actors = points.map((p) => mermaidText(lookups.personaName(p.personaId), /[#;:,]/g));
      lines.push(
        `      ${mermaidText(step.name)}: ${toMermaidScore(value, scale)}${actors.length ? `: ${actors.join(", ")}` : ""}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
