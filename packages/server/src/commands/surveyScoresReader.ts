import type { MapSurveyScores, SurveyQuote, SurveyStepScore } from "@opencjm/core";
import type { Services } from "../services.js";
import { listSurveyAnswersOnMap, type StoredSurveyAnswer } from "../store/researchSurveyStore.js";
import { loadJourneyMap } from "./participantJourneyReader.js";

/** Free-text answers sent per step, newest first; `quoteCount` counts them all. */
const QUOTES_PER_STEP = 50;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** One question's numeric answers on a step, summarised; NPS as % promoters (9–10) − % detractors (0–6). */
function scoreOf(answers: readonly StoredSurveyAnswer[]): SurveyStepScore {
  const first = answers[0]!;
  const values = answers.map((a) => a.value ?? 0);
  const count = values.length;
  const mean = round(values.reduce((sum, v) => sum + v, 0) / count, 2);
  let nps: SurveyStepScore["nps"] = null;
  if (first.scale === "nps") {
    const promoters = values.filter((v) => v >= 9).length;
    const detractors = values.filter((v) => v <= 6).length;
    nps = {
      promoters,
      passives: count - promoters - detractors,
      detractors,
      score: round(((promoters - detractors) / count) * 100, 1),
    };
  }
  return {
    surveyId: first.surveyId,
    question: first.question,
    scale: first.scale as SurveyStepScore["scale"],
    count,
    mean,
    nps,
  };
}

/**
 * Survey answers on a map, per step (PRODUCT.md §4.5): each question's mean and count (and NPS), in the file's column
 * order, and its free-text answers as quotes with their sentiment, newest first. Steps without answers are left out.
 */
export async function readMapSurveyScores(
  services: Services,
  workspaceId: string,
  mapId: string,
): Promise<MapSurveyScores> {
  await loadJourneyMap(services, workspaceId, mapId);
  const answers = await listSurveyAnswersOnMap(services.db, workspaceId, mapId);
  const byStep = new Map<string, StoredSurveyAnswer[]>();
  const push = <K>(groups: Map<K, StoredSurveyAnswer[]>, key: K, a: StoredSurveyAnswer) => {
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  };
  const surveyRank = new Map<string, number>();
  for (const a of answers) {
    if (!surveyRank.has(a.surveyId)) surveyRank.set(a.surveyId, surveyRank.size);
    push(byStep, a.stepId, a);
  }
  const steps = [...byStep].map(([stepId, list]) => {
    const byQuestion = new Map<string, StoredSurveyAnswer[]>();
    const quotes: SurveyQuote[] = [];
    let quoteCount = 0;
    for (const a of list) {
      if (a.scale === "text") {
        if (quoteCount++ < QUOTES_PER_STEP)
          quotes.push({
            question: a.question,
            text: a.text ?? "",
            sentiment: a.sentiment ?? 0,
            participantCode: a.participantCode,
            respondent: a.respondent,
          });
        continue;
      }
      push(byQuestion, `${a.surveyId}:${a.columnIndex}`, a);
    }
    // Answers come newest first; a survey's questions still read in the file's column order.
    const questions = [...byQuestion.values()].sort(
      (x, y) =>
        surveyRank.get(x[0]!.surveyId)! - surveyRank.get(y[0]!.surveyId)! || x[0]!.columnIndex - y[0]!.columnIndex,
    );
    return { stepId, scores: questions.map(scoreOf), quotes, quoteCount };
  });
  return { mapId, steps };
}
