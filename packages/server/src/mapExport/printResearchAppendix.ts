import type { PrintTable } from "@opencjm/core";
import { exportLabel, type ExportLabel } from "./exportLabels.js";
import type { ExportInput } from "./ExportInput.js";
import { exportResearchTables, sentimentLabel, surveyScoreLines } from "./researchTables.js";

/** Quotes the PDF prints per step; the rest are counted in a "+N more" row (the XLSX lists them all). */
const PRINTED_QUOTES_PER_STEP = 3;

/**
 * The research appendix of the PDF, in the export's language: per step the participants who went through it ("7 of
 * 10"), their emotions' spread, the quotes by sentiment and the survey scores (with its free-text answers counted);
 * then up to three quotes per step with the participant's code, the study, the sentiment and the tags, and how many
 * more there are; then each step's newest free-text survey answers likewise. None when the export carries no research
 * or the map has none.
 */
export function printResearchAppendix(input: ExportInput): PrintTable[] {
  const tables = exportResearchTables(input);
  if (!tables) return [];
  const { locale } = input;
  const l = (key: ExportLabel, values?: Record<string, string | number>) => exportLabel(locale, key, values);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const emotion = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const steps: PrintTable = {
    title: l("researchSteps"),
    headers: [l("stage"), l("step"), l("participants"), l("emotionSpread"), l("quotesBySentiment"), l("surveyScores")],
    widths: [14, 18, 12, 16, 16, 30],
    rows: tables.steps.map((row) => [
      row.stage,
      row.step,
      row.total > 0
        ? l("participantsOfTotal", { n: number.format(row.participants), total: number.format(row.total) })
        : "",
      row.emotion
        ? [row.emotion.lowest, row.emotion.median, row.emotion.highest].map((e) => emotion.format(e)).join(" / ")
        : "",
      row.quotes.count > 0
        ? `${number.format(row.quotes.count)} (${[row.quotes.positive, row.quotes.neutral, row.quotes.negative]
            .map((n) => number.format(n))
            .join(" / ")})`
        : "",
      surveyScoreLines(input, row.surveys, row.surveyTexts),
    ]),
  };
  const quotes: PrintTable = {
    title: l("researchQuotes"),
    headers: [l("step"), l("quote"), l("participant"), l("study"), l("sentiment"), l("tags")],
    widths: [14, 40, 10, 14, 10, 12],
    rows: tables.quotes.flatMap((said) => {
      const shown = said
        .slice(0, PRINTED_QUOTES_PER_STEP)
        .map((q) => [q.step, q.text, q.participantCode, q.study, l(sentimentLabel(q.sentiment)), q.tags.join(", ")]);
      const more = said.length - shown.length;
      return more > 0
        ? [...shown, [said[0]!.step, l("moreQuotes", { n: number.format(more) }), "", "", "", ""]]
        : shown;
    }),
  };
  const surveyTexts: PrintTable = {
    title: l("surveyTextsNewest"),
    headers: [l("step"), l("answer"), l("respondent"), l("question"), l("sentiment")],
    widths: [14, 44, 12, 18, 10],
    rows: tables.surveyTexts.flatMap(({ rows, count }) => {
      const shown = rows.map((a) => [a.step, a.text, a.respondent, a.question, l(sentimentLabel(a.sentiment))]);
      const more = count - shown.length;
      return more > 0 ? [...shown, [rows[0]!.step, l("moreQuotes", { n: number.format(more) }), "", "", ""]] : shown;
    }),
  };
  return [steps, quotes, surveyTexts].filter((table) => table.rows.length > 0);
}
