import { queryOptions } from "@tanstack/react-query";
import { fetchMapSurveyScores, fetchSurveys } from "./surveyApi.js";

// Under the workspace's research, so an erasure or any research change (useReloadResearch) drops them too.
const surveyKeys = {
  study: (workspaceId: string, studyId: string) => ["workspace", workspaceId, "research", "surveys", studyId] as const,
  map: (workspaceId: string, mapId: string) => ["workspace", workspaceId, "research", "mapSurveys", mapId] as const,
};

/** A study's surveys. */
export function surveyListQuery(workspaceId: string, studyId: string) {
  return queryOptions({
    queryKey: surveyKeys.study(workspaceId, studyId),
    queryFn: () => fetchSurveys(workspaceId, studyId),
  });
}

/** Survey scores and quotes on one map, per step. */
export function mapSurveyScoresQuery(workspaceId: string, mapId: string) {
  return queryOptions({
    queryKey: surveyKeys.map(workspaceId, mapId),
    queryFn: () => fetchMapSurveyScores(workspaceId, mapId),
  });
}
