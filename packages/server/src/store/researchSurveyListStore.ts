import type { SurveyDeleted, SurveySummary } from "@opencjm/core";
import { sql } from "kysely";
import type { Db } from "../db/createDb.js";
import { notFound } from "../errors/DomainError.js";

/** A study's surveys, newest first, with their answers counted and the name of who uploaded each. */
export async function listSurveys(db: Db, workspaceId: string, studyId: string): Promise<SurveySummary[]> {
  const surveys = await db.kysely
    .selectFrom("research_surveys as s")
    .leftJoin("users as u", "u.id", "s.created_by")
    .select(["s.id", "s.study_id", "s.file_name", "s.status", "s.pending_rows", "s.created_by", "s.created_at"])
    .select("u.name as creator_name")
    .where("s.workspace_id", "=", workspaceId)
    .where("s.study_id", "=", studyId)
    .orderBy("s.created_at", "desc")
    .orderBy("s.id", "desc")
    .execute();
  if (surveys.length === 0) return [];
  const counts = await db.kysely
    .selectFrom("research_survey_answers")
    .select((eb) => [
      "survey_id",
      eb.fn.countAll<number | string>().as("answers"),
      sql<number | string>`count(distinct respondent)`.as("respondents"),
      sql<number | string>`count(distinct column_index)`.as("questions"),
      sql<number | string>`count(distinct case when step_id is not null then column_index end)`.as("on_steps"),
    ])
    .where("workspace_id", "=", workspaceId)
    .where(
      "survey_id",
      "in",
      surveys.map((s) => s.id),
    )
    .groupBy("survey_id")
    .execute();
  const bySurvey = new Map(counts.map((c) => [c.survey_id, c]));
  return surveys.map((s) => {
    const c = bySurvey.get(s.id);
    const imported = s.status === "imported";
    return {
      id: s.id,
      studyId: s.study_id,
      fileName: s.file_name,
      status: imported ? "imported" : "uploaded",
      // A waiting upload's rows are its respondents; they are parsed only for those (purged within a day).
      respondents: imported ? Number(c?.respondents ?? 0) : (JSON.parse(s.pending_rows) as unknown[]).length,
      questions: Number(c?.questions ?? 0),
      questionsOnSteps: Number(c?.on_steps ?? 0),
      answers: Number(c?.answers ?? 0),
      createdAt: s.created_at,
      createdBy: s.creator_name === null ? null : { id: s.created_by, name: s.creator_name },
    };
  });
}

/**
 * Deletes one survey of the workspace in one transaction: its waiting rows, its answers (the free-text ones are the
 * quotes it put on maps) and the survey itself, and counts what went. Not found when it is not the workspace's.
 */
export async function deleteSurvey(db: Db, workspaceId: string, surveyId: string): Promise<SurveyDeleted> {
  return db.kysely.transaction().execute(async (trx) => {
    const survey = await trx
      .selectFrom("research_surveys")
      .select(["id", "file_name"])
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", surveyId)
      .executeTakeFirst();
    if (!survey) throw notFound("survey");
    const counted = await trx
      .selectFrom("research_survey_answers")
      .select((eb) => [
        eb.fn.countAll<number | string>().as("answers"),
        sql<number | string>`count(case when scale = 'text' then 1 end)`.as("quotes"),
      ])
      .where("workspace_id", "=", workspaceId)
      .where("survey_id", "=", surveyId)
      .executeTakeFirst();
    await trx
      .deleteFrom("research_survey_answers")
      .where("workspace_id", "=", workspaceId)
      .where("survey_id", "=", surveyId)
      .execute();
    await trx.deleteFrom("research_surveys").where("id", "=", surveyId).execute();
    return {
      surveyId,
      fileName: survey.file_name,
      answers: Number(counted?.answers ?? 0),
      quotes: Number(counted?.quotes ?? 0),
    };
  });
}

/**
 * Deletes every upload, of any workspace, still waiting for its mapping since before `cutoff` (an ISO time): its raw
 * rows hold respondents' e-mails and other identifiers that nobody chose to keep. Answers the number purged.
 */
export async function purgeStagedSurveys(db: Db, cutoff: string): Promise<number> {
  const result = await db.kysely
    .deleteFrom("research_surveys")
    .where("status", "=", "uploaded")
    .where("created_at", "<", cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
