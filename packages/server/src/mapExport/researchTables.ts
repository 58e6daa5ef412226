import type { MapJourneyStep, MapResearchQuote, MapSnapshot, SurveyQuote, SurveyStepScore } from "@opencjm/core";
import { exportLabel } from "./exportLabels.js";
import type { ExportInput, ExportResearch } from "./ExportInput.js";

/** The research on one step of the map, in the map's order: who went through it, how they felt, what was said. */
export interface ResearchStepRow {
  stage: string;
  step: string;
  /** Participants whose journey holds the step, of `total` participants with a journey on the map. */
  participants: number;
  total: number;
  emotion: { lowest: number; median: number; highest: number } | null;
  quotes: { count: number; positive: number; neutral: number; negative: number };
  /** Survey questions on the step, each with its mean (and NPS) over its answers. */
  surveys: SurveyStepScore[];
  surveyAnswers: number;
  /** Free-text survey answers on the step (all of them; the tables list the newest few). */
  surveyTexts: number;
}

/** A quote as the research tables list it: its step's name and its words, the participant by code alone. */
export interface ResearchQuoteRow {
  step: string;
  text: string;
  participantCode: string;
  study: string;
  sentiment: number;
  tags: string[];
}

/** A free-text survey answer as exports list it: the respondent by participant code or row, never who they are. */
export interface SurveyTextRow {
  step: string;
  text: string;
  /** The linked participant's code, else "Respondent 12" (their row in the survey file). */
  respondent: string;
  question: string;
  sentiment: number;
}

/** Free-text survey answers exports list per step, newest first; the rest are counted. */
export const EXPORTED_SURVEY_TEXTS_PER_STEP = 3;

/** The research of a map laid out for an export: step rows, quotes and survey answers per step, in the map's order. */
export interface ResearchTables {
  steps: ResearchStepRow[];
  /** Quotes grouped by step, in the map's order. */
  quotes: ResearchQuoteRow[][];
  /** The newest free-text survey answers of each step that has some, with how many the step has in all. */
  surveyTexts: Array<{ rows: SurveyTextRow[]; count: number }>;
}

/** The bucket of a sentiment score, with the research contract's thresholds (±0.05). */
export function sentimentLabel(score: number): "sentimentNegative" | "sentimentNeutral" | "sentimentPositive" {
  return score < -0.05 ? "sentimentNegative" : score > 0.05 ? "sentimentPositive" : "sentimentNeutral";
}

function median(ascending: readonly number[]): number {
  const middle = Math.floor(ascending.length / 2);
  return ascending.length % 2 ? ascending[middle]! : (ascending[middle - 1]! + ascending[middle]!) / 2;
}

const byOrder = (a: { order: string }, b: { order: string }) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0);

/** The map's steps in reading order (stage by stage), each with its stage's name. */
function stepsInOrder(snapshot: MapSnapshot): Array<{ id: string; name: string; stage: string }> {
  return [...snapshot.stages].sort(byOrder).flatMap((stage) =>
    snapshot.steps
      .filter((s) => s.stageId === stage.id)
      .sort(byOrder)
      .map((s) => ({ id: s.id as string, name: s.name, stage: stage.name })),
  );
}

/** Groups items by step id, in place. */
function byStep<T extends { stepId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.stepId);
    if (group) group.push(item);
    else groups.set(item.stepId, [item]);
  }
  return groups;
}

/**
 * The research an export shows: per step of the map (steps without any research left out) the participants who went
 * through it of all with a journey, their emotions' spread, the quotes and their sentiment, and the survey scores;
 * then the quotes themselves. Participants are named by code only: exports never carry personal fields.
 */
function researchTables(
  research: ExportResearch,
  snapshot: MapSnapshot,
  locale: ExportInput["locale"],
): ResearchTables {
  const journeys = new Map<string, MapJourneyStep>(research.journeys.steps.map((s) => [s.stepId, s]));
  const quotes = byStep<MapResearchQuote>(research.quotes);
  const surveys = new Map(research.surveys.steps.map((s) => [s.stepId, s]));
  const steps: ResearchStepRow[] = [];
  const quoteRows: ResearchQuoteRow[][] = [];
  const surveyTexts: ResearchTables["surveyTexts"] = [];
  const respondent = (q: SurveyQuote) => q.participantCode ?? exportLabel(locale, "respondentRow", { n: q.respondent });
  for (const step of stepsInOrder(snapshot)) {
    const journey = journeys.get(step.id);
    const said = quotes.get(step.id) ?? [];
    const survey = surveys.get(step.id);
    const scores = survey?.scores ?? [];
    const texts = survey?.quoteCount ?? 0;
    if (!journey?.participants && said.length === 0 && scores.length === 0 && texts === 0) continue;
    const count = (label: ReturnType<typeof sentimentLabel>) =>
      said.filter((q) => sentimentLabel(q.sentiment) === label).length;
    steps.push({
      stage: step.stage,
      step: step.name,
      participants: journey?.participants ?? 0,
      total: research.journeys.participants,
      emotion:
        journey && journey.emotions.length > 0
          ? { lowest: journey.emotions[0]!, median: median(journey.emotions), highest: journey.emotions.at(-1)! }
          : null,
      quotes: {
        count: said.length,
        positive: count("sentimentPositive"),
        neutral: count("sentimentNeutral"),
        negative: count("sentimentNegative"),
      },
      surveys: scores,
      surveyAnswers: scores.reduce((sum, s) => sum + s.count, 0) + texts,
      surveyTexts: texts,
    });
    if (survey && texts > 0)
      surveyTexts.push({
        count: texts,
        rows: survey.quotes.slice(0, EXPORTED_SURVEY_TEXTS_PER_STEP).map((q) => ({
          step: step.name,
          text: q.text,
          respondent: respondent(q),
          question: q.question,
          sentiment: q.sentiment,
        })),
      });
    if (said.length > 0)
      quoteRows.push(
        said.map((q) => ({
          step: step.name,
          text: q.text,
          participantCode: q.participantCode ?? "",
          study: q.studyTitle,
          sentiment: q.sentiment,
          tags: q.tags,
        })),
      );
  }
  return { steps, quotes: quoteRows, surveyTexts };
}

/** The research tables of an export, or none when it carries no research or the map has none. */
export function exportResearchTables(input: ExportInput): ResearchTables | undefined {
  if (!input.research) return undefined;
  const tables = researchTables(input.research, input.snapshot, input.locale);
  return tables.steps.length > 0 ? tables : undefined;
}

/**
 * A step's survey scores as lines of text: each question's mean, or its NPS, with how many answered; then how many
 * free-text answers it has, when any.
 */
export function surveyScoreLines(input: ExportInput, scores: readonly SurveyStepScore[], texts = 0): string {
  const number = new Intl.NumberFormat(input.locale, { maximumFractionDigits: 2 });
  const textLine = texts > 0 ? [exportLabel(input.locale, "surveyTextCount", { count: number.format(texts) })] : [];
  return [
    ...scores.map((s) =>
      s.nps
        ? exportLabel(input.locale, "surveyNps", {
            question: s.question,
            score: number.format(s.nps.score),
            count: number.format(s.count),
          })
        : exportLabel(input.locale, "surveyMean", {
            question: s.question,
            mean: number.format(s.mean),
            count: number.format(s.count),
          }),
    ),
    ...textLine,
  ].join("\n");
}
