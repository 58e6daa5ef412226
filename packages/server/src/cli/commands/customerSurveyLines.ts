import { SURVEY_SCALE_RANGE, type CustomerSurveyAnswer } from "@opencjm/core";
import { cliText } from "../cliLanguage.js";
import { printable } from "./analyzeCommand.js";

/**
 * A customer's survey answers as lines of `cjm customer`: per answer its question, the value on its scale's range
 * (or their words), the step it is about, and the survey it came from with the day it was imported. None when they
 * answered no survey.
 */
export function customerSurveyLines(answers: readonly CustomerSurveyAnswer[]): string[] {
  if (answers.length === 0) return [];
  const out = ["", `${cliText("customer.surveys", { count: answers.length })}:`];
  for (const a of answers) {
    const said =
      a.value !== null && a.scale !== "text"
        ? `${a.value} (${SURVEY_SCALE_RANGE[a.scale].join("–")})`
        : `“${printable(a.text ?? "")}”`;
    const step =
      a.stepName !== null && a.mapTitle !== null
        ? cliText("customer.surveyStep", { step: printable(a.stepName), map: printable(a.mapTitle) })
        : cliText("customer.surveyNoStep");
    out.push(`  ${printable(a.question)}: ${said}`);
    out.push(
      `      ${step}; ${cliText("customer.surveyFrom", {
        file: printable(a.fileName),
        study: printable(a.studyTitle),
        date: a.importedAt.slice(0, 10),
      })}`,
    );
  }
  return out;
}
