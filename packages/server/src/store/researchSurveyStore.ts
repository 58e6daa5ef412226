import type { SurveyImportResult } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import type { ResearchSurveyAnswersTable } from "../db/schema.js";
import { notFound } from "../errors/DomainError.js";

/** An uploaded survey export as stored; `rows` is empty once it has been mapped. */
interface StoredSurvey {
  id: string;
  studyId: string;
  fileName: string;
  charset: string | null;
  header: string[];
  rows: string[][];
  status: "uploaded" | "imported";
}

/** One answer to store. */
export type SurveyAnswerRow = Omit<ResearchSurveyAnswersTable, "workspace_id" | "survey_id">;

/** One answer on a map, with its participant's code and its respondent's row in the file. */
export interface StoredSurveyAnswer {
  surveyId: string;
  respondent: number;
  question: string;
  columnIndex: number;
  scale: string;
  stepId: string;
  value: number | null;
  text: string | null;
  sentiment: number | null;
  participantCode: string | null;
}

/** Stores an uploaded export with its rows waiting for a mapping. */
export async function insertSurvey(
  db: Db,
  workspaceId: string,
  survey: Omit<StoredSurvey, "status">,
  createdBy: string,
  at: string,
): Promise<void> {
  await db.kysely
    .insertInto("research_surveys")
    .values({
      id: survey.id,
      workspace_id: workspaceId,
      study_id: survey.studyId,
      file_name: survey.fileName,
      charset: survey.charset,
      header: JSON.stringify(survey.header),
      pending_rows: JSON.stringify(survey.rows),
      status: "uploaded",
      report: "{}",
      created_by: createdBy,
      created_at: at,
    })
    .execute();
}

/** An uploaded export of the workspace; not found otherwise. */
export async function getSurvey(db: Db, workspaceId: string, surveyId: string): Promise<StoredSurvey> {
  const row = await db.kysely
    .selectFrom("research_surveys")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", surveyId)
    .executeTakeFirst();
  if (!row) throw notFound("survey");
  return {
    id: row.id,
    studyId: row.study_id,
    fileName: row.file_name,
    charset: row.charset,
    header: JSON.parse(row.header) as string[],
    rows: JSON.parse(row.pending_rows) as string[][],
    status: row.status === "imported" ? "imported" : "uploaded",
  };
}

/**
 * Stores a mapped export's answers and its report in one transaction, and empties its waiting rows, so the file's
 * unmapped columns (and identifiers) are not kept. Answers to a survey already imported are refused by their key.
 */
export async function saveSurveyAnswers(
  db: Db,
  workspaceId: string,
  surveyId: string,
  answers: readonly SurveyAnswerRow[],
  report: SurveyImportResult,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < answers.length; i += 500)
      await trx
        .insertInto("research_survey_answers")
        .values(answers.slice(i, i + 500).map((a) => ({ ...a, workspace_id: workspaceId, survey_id: surveyId })))
        .execute();
    await trx
      .updateTable("research_surveys")
      .set({ status: "imported", pending_rows: "[]", report: JSON.stringify(report) })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", surveyId)
      .execute();
  });
}

/**
 * Every survey answer on a step of a map, newest first — the latest survey imported first, and in a file its last
 * respondents first (survey tools export in the order answers came) — with the participant's code when linked.
 */
export async function listSurveyAnswersOnMap(
  db: Db,
  workspaceId: string,
  mapId: string,
): Promise<StoredSurveyAnswer[]> {
  const rows = await db.kysely
    .selectFrom("research_survey_answers as a")
    .innerJoin("research_surveys as s", "s.id", "a.survey_id")
    .leftJoin("research_participants as p", "p.id", "a.participant_id")
    .select([
      "a.survey_id",
      "a.question",
      "a.column_index",
      "a.scale",
      "a.step_id",
      "a.value",
      "a.text",
      "a.sentiment",
      "a.respondent",
      "p.code",
    ])
    .where("a.workspace_id", "=", workspaceId)
    .where("a.map_id", "=", mapId)
    .where("a.step_id", "is not", null)
    .orderBy("s.created_at", "desc")
    .orderBy("a.survey_id", "desc")
    .orderBy("a.respondent", "desc")
    .orderBy("a.column_index")
    .execute();
  return rows.map((r) => ({
    surveyId: r.survey_id,
    respondent: Number(r.respondent),
    question: r.question,
    columnIndex: Number(r.column_index),
    scale: r.scale,
    stepId: r.step_id ?? "",
    value: r.value === null ? null : Number(r.value),
    text: r.text,
    sentiment: r.sentiment === null ? null : Number(r.sentiment),
    participantCode: r.code ?? null,
  }));
}
