import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { mapSurveyScoresQuery } from "./surveyQueries.js";

const NONE: ReadonlyMap<string, number> = new Map();

/**
 * Survey answers per step of a map (numeric answers and free-text ones), so a step header can offer its research
 * panel when surveys are all the research it has.
 */
export function useStepSurveyCounts(workspaceId: string, mapId: string): ReadonlyMap<string, number> {
  const scores = useQuery(mapSurveyScoresQuery(workspaceId, mapId));
  return useMemo(
    () =>
      scores.data
        ? new Map(
            scores.data.steps.map((s) => [
              s.stepId,
              s.scores.reduce((sum, score) => sum + score.count, 0) + s.quoteCount,
            ]),
          )
        : NONE,
    [scores.data],
  );
}
