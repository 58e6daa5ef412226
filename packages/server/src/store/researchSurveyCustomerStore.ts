import type { Db } from "../db/createDb.js";

/** One survey answer joined to a customer, as stored, with its survey's file, study and date. */
export interface StoredCustomerSurveyAnswer {
  surveyId: string;
  fileName: string;
  studyTitle: string;
  question: string;
  scale: string;
  mapId: string | null;
  stepId: string | null;
  value: number | null;
  text: string | null;
  importedAt: string;
}

/** The most answers one customer's timeline lists; a customer answers a handful of surveys, not thousands. */
const CUSTOMER_ANSWERS_MAX = 500;

/**
 * A customer's answers to the workspace's surveys (joined when the survey was imported, through the respondent's
 * identifier), newest survey first and in its column order.
 */
export async function listCustomerSurveyAnswers(
  db: Db,
  workspaceId: string,
  customerId: number,
): Promise<StoredCustomerSurveyAnswer[]> {
  const rows = await db.kysely
    .selectFrom("research_survey_answers as a")
    .innerJoin("research_surveys as s", "s.id", "a.survey_id")
    .innerJoin("research_studies as st", "st.id", "s.study_id")
    .select([
      "a.survey_id",
      "s.file_name",
      "st.title",
      "a.question",
      "a.scale",
      "a.map_id",
      "a.step_id",
      "a.value",
      "a.text",
      "s.created_at",
    ])
    .where("a.workspace_id", "=", workspaceId)
    .where("a.customer_id", "=", Math.trunc(customerId))
    .orderBy("s.created_at", "desc")
    .orderBy("a.survey_id", "desc")
    .orderBy("a.respondent")
    .orderBy("a.column_index")
    .limit(CUSTOMER_ANSWERS_MAX)
    .execute();
  return rows.map((r) => ({
    surveyId: r.survey_id,
    fileName: r.file_name,
    studyTitle: r.title,
    question: r.question,
    scale: r.scale,
    mapId: r.map_id,
    stepId: r.step_id,
    value: r.value === null ? null : Number(r.value),
    text: r.text,
    importedAt: r.created_at,
  }));
}
