import type {
  MapSurveyScores,
  SurveyDeleted,
  SurveyImportResult,
  SurveyList,
  SurveyMappingRequest,
  SurveySummary,
  SurveyUploaded,
  SurveyUploadRequest,
} from "@opencjm/core";
import { api } from "../../api/apiClient.js";

const base = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/research`;
const one = (workspaceId: string, surveyId: string) => `${base(workspaceId)}/surveys/${encodeURIComponent(surveyId)}`;

/** A study's surveys, newest first (the server purges uploads left unmapped for a day first). */
export async function fetchSurveys(workspaceId: string, studyId: string): Promise<SurveySummary[]> {
  const query = new URLSearchParams({ studyId }).toString();
  return (await api.get<SurveyList>(`${base(workspaceId)}/surveys?${query}`)).surveys;
}

/** Uploads a survey export; answers its columns with the scales and identifier columns they suggest. */
export function uploadSurvey(workspaceId: string, body: SurveyUploadRequest): Promise<SurveyUploaded> {
  return api.post<SurveyUploaded>(`${base(workspaceId)}/surveys/upload`, body);
}

/** Imports an uploaded export under a mapping; answers what was kept and what was not, with reasons. */
export function mapSurvey(
  workspaceId: string,
  surveyId: string,
  body: SurveyMappingRequest,
): Promise<SurveyImportResult> {
  return api.post<SurveyImportResult>(`${one(workspaceId, surveyId)}/mapping`, body);
}

/** Deletes a survey with its raw rows, answers and the quotes taken from them. */
export function deleteSurvey(workspaceId: string, surveyId: string): Promise<SurveyDeleted> {
  return api.delete<SurveyDeleted>(one(workspaceId, surveyId));
}

/** Survey scores and free-text answers on a map, per step. */
export function fetchMapSurveyScores(workspaceId: string, mapId: string): Promise<MapSurveyScores> {
  return api.get<MapSurveyScores>(`${base(workspaceId)}/maps/${encodeURIComponent(mapId)}/surveys`);
}
