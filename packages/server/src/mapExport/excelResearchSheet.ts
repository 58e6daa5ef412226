import type * as ExcelJS from "exceljs";
import { exportLabel, type ExportLabel } from "./exportLabels.js";
import type { ExportInput } from "./ExportInput.js";
import { addTableSheet, cellText as text, styleHeaderRow } from "./excelTableSheet.js";
import { exportResearchTables, sentimentLabel, surveyScoreLines } from "./researchTables.js";

/**
 * The map's research, when the export carries it and the map has some: per step (map order) the participants who went
 * through it, their emotions' spread, the quotes' sentiment, the survey scores and free-text answers counted; below,
 * every quote with its participant's code (never a personal field), study, sentiment and tags, then each step's newest
 * free-text survey answers with the respondent's code or row.
 */
export function addResearchSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const tables = exportResearchTables(input);
  if (!tables) return;
  const l = (k: ExportLabel) => exportLabel(input.locale, k);
  const headers = [
    l("stage"),
    l("step"),
    l("participants"),
    l("participantsTotal"),
    l("emotionLowest"),
    l("emotionMedian"),
    l("emotionHighest"),
    l("laneType.quotes"),
    l("sentimentPositive"),
    l("sentimentNeutral"),
    l("sentimentNegative"),
    l("surveyAnswers"),
    l("surveyScores"),
    l("surveyTextAnswers"),
  ];
  const ws = addTableSheet(
    wb,
    input,
    "evidence.research",
    headers,
    [18, 24, 14, 14, 12, 12, 12, 10, 10, 10, 10, 12, 50, 12],
  );
  const wrapped = (row: ExcelJS.Row) => (row.alignment = { wrapText: true, vertical: "top" });
  for (const row of tables.steps)
    wrapped(
      ws.addRow([
        text(row.stage),
        text(row.step),
        row.participants,
        row.total,
        row.emotion?.lowest ?? null,
        row.emotion?.median ?? null,
        row.emotion?.highest ?? null,
        row.quotes.count,
        row.quotes.positive,
        row.quotes.neutral,
        row.quotes.negative,
        row.surveyAnswers,
        text(surveyScoreLines(input, row.surveys)),
        row.surveyTexts,
      ]),
    );
  ws.addRow([]);
  ws.addRow([l("researchQuotes")]).getCell(1).font = { bold: true, size: 13 };
  styleHeaderRow(ws.addRow([l("step"), l("quote"), l("participant"), l("study"), l("sentiment"), l("tags")]));
  for (const quote of tables.quotes.flat())
    wrapped(
      ws.addRow([
        text(quote.step),
        text(quote.text),
        text(quote.participantCode),
        text(quote.study),
        l(sentimentLabel(quote.sentiment)),
        text(quote.tags.join(", ")),
      ]),
    );
  if (tables.surveyTexts.length === 0) return;
  ws.addRow([]);
  ws.addRow([l("surveyTextsNewest")]).getCell(1).font = { bold: true, size: 13 };
  styleHeaderRow(ws.addRow([l("step"), l("answer"), l("respondent"), l("question"), l("sentiment")]));
  for (const step of tables.surveyTexts) {
    for (const answer of step.rows)
      wrapped(
        ws.addRow([
          text(answer.step),
          text(answer.text),
          text(answer.respondent),
          text(answer.question),
          l(sentimentLabel(answer.sentiment)),
        ]),
      );
    const more = step.count - step.rows.length;
    if (more > 0) ws.addRow([text(step.rows[0]!.step), exportLabel(input.locale, "moreQuotes", { n: more })]);
  }
}
