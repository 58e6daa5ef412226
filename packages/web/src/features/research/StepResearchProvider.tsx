import type { MapJourneyStep, MapResearchStep } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { mapJourneysQuery } from "./journeyQueries.js";
import { mapResearchSummaryQuery } from "./researchQueries.js";
import { StepResearchContext, type StepResearch } from "./StepResearchContext.js";
import { StepResearchPanel } from "./StepResearchPanel.js";
import { useStepSurveyCounts } from "./useStepSurveyCounts.js";
import { useStepSurveyQuotes } from "./useStepSurveyQuotes.js";
import styles from "./Research.module.css";

/**
 * The research of the map open in the live editor: fetches its research counted per step (never the whole list of
 * quotes, megabytes in a large study) and its participants' journeys, gives the step headers their counts, the
 * emotion lane its research band and cards their evidence level, and shows one step's participants and highlights
 * (loaded page by page) in a side panel over the editor (like the comments panel) when opened.
 */
export function StepResearchProvider({
  workspaceId,
  mapId,
  children,
}: {
  workspaceId: string;
  mapId: string;
  children: ReactNode;
}) {
  const research = useQuery(mapResearchSummaryQuery(workspaceId, mapId));
  const journeys = useQuery(mapJourneysQuery(workspaceId, mapId));
  const surveyAnswers = useStepSurveyCounts(workspaceId, mapId);
  const surveyQuotes = useStepSurveyQuotes(workspaceId, mapId);
  const [target, setTarget] = useState<{ stepId: string; label: string } | null>(null);
  const byStep = useMemo(
    () => new Map<string, MapResearchStep>((research.data?.steps ?? []).map((s) => [s.stepId, s])),
    [research.data],
  );
  const refetchResearch = research.refetch;
  const refetchJourneys = journeys.refetch;
  const open = useCallback(
    (stepId: string, label: string) => {
      setTarget({ stepId, label });
      // Highlights and journeys are made on another screen; opening the panel shows the latest.
      void refetchResearch();
      void refetchJourneys();
    },
    [refetchResearch, refetchJourneys],
  );
  const value = useMemo<StepResearch>(
    () => ({
      counts: new Map([...byStep].map(([stepId, step]) => [stepId, step.highlights])),
      topQuotes: new Map([...byStep].map(([stepId, step]) => [stepId, step.top])),
      journeys: {
        steps: new Map<string, MapJourneyStep>((journeys.data?.steps ?? []).map((s) => [s.stepId, s])),
        participants: journeys.data?.participants ?? 0,
        unmapped: journeys.data?.unmapped ?? [],
      },
      surveyAnswers,
      surveyQuotes,
      researchCardIds: new Set((research.data?.cards ?? []).map((c) => c.cardId)),
      open,
    }),
    [byStep, journeys.data, research.data, surveyAnswers, surveyQuotes, open],
  );
  return (
    <StepResearchContext.Provider value={value}>
      <div className={styles.host}>
        {children}
        {target && (
          <StepResearchPanel
            workspaceId={workspaceId}
            mapId={mapId}
            stepId={target.stepId}
            label={target.label}
            quoteCount={byStep.get(target.stepId)?.highlights ?? 0}
            journey={value.journeys.steps.get(target.stepId)}
            participants={value.journeys.participants}
            // Steps the map lacks sit after the step most participants took before them (the first step: none).
            lacking={value.journeys.unmapped.filter(
              (u) =>
                u.afterStepId === target.stepId ||
                (u.afterStepId === null && journeys.data?.steps[0]?.stepId === target.stepId),
            )}
            onClose={() => setTarget(null)}
          />
        )}
      </div>
    </StepResearchContext.Provider>
  );
}
