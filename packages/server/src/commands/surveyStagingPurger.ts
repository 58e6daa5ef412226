import { SURVEY_STAGING_HOURS } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import { purgeStagedSurveys } from "../store/researchSurveyListStore.js";

/**
 * Purges survey uploads never mapped within SURVEY_STAGING_HOURS, of every workspace. The server has no periodic job
 * to hang this on (its one timer, the drift digest, runs only with SMTP), so it runs whenever surveys are listed or
 * uploaded: a staged file's raw rows (e-mails and other identifiers) never outlive the next survey screen by a day.
 */
export function purgeStaleSurveyUploads(db: Db, now: Date = new Date()): Promise<number> {
  return purgeStagedSurveys(db, new Date(now.getTime() - SURVEY_STAGING_HOURS * 3_600_000).toISOString());
}
