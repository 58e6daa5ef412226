import type { SurveySummary } from "@opencjm/core";
import type { Services } from "../services.js";
import { listSurveys } from "../store/researchSurveyListStore.js";
import { getStudy } from "../store/researchStudyStore.js";
import { purgeStaleSurveyUploads } from "./surveyStagingPurger.js";

/** A study's surveys, newest first, after purging uploads left unmapped too long; not found for another's study. */
export async function listStudySurveys(
  services: Services,
  workspaceId: string,
  studyId: string,
): Promise<SurveySummary[]> {
  const study = await getStudy(services.db, workspaceId, studyId);
  await purgeStaleSurveyUploads(services.db);
  return listSurveys(services.db, workspaceId, study.id);
}
