import type { SurveyQuote } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { mapSurveyScoresQuery } from "./surveyQueries.js";

/** Free-text survey answers the quotes lane shows per step; the rest open in the step's research panel. */
const LANE_ANSWERS = 3;

type StepSurveyQuotes = ReadonlyMap<string, { quotes: readonly SurveyQuote[]; count: number }>;
const NONE: StepSurveyQuotes = new Map();

/**
 * The newest free-text survey answers of each step of a map (the server sends them newest first) with how many the
 * step has, for the map's quotes lane; steps without any are left out.
 */
export function useStepSurveyQuotes(workspaceId: string, mapId: string): StepSurveyQuotes {
  const scores = useQuery(mapSurveyScoresQuery(workspaceId, mapId));
  return useMemo(
    () =>
      scores.data
        ? new Map(
            scores.data.steps
              .filter((s) => s.quoteCount > 0)
              .map((s) => [s.stepId, { quotes: s.quotes.slice(0, LANE_ANSWERS), count: s.quoteCount }]),
          )
        : NONE,
    [scores.data],
  );
}
