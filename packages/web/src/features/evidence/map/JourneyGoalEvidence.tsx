import { useMemo, type ReactNode } from "react";
import { useStructure } from "../../mapEditor/store/useMapView.js";
import { EvidenceContext, useEvidence } from "./EvidenceContext.js";
import { evidenceCues } from "./evidenceCues.js";

/**
 * Re-provides the map's data view with its cues measured up to the journey's goal step: the goal and the optional
 * steps after it never get the "most customers leave here" cue. Inside the map view (it reads the goal from the map).
 */
export function JourneyGoalEvidence({ children }: { children: ReactNode }) {
  const evidence = useEvidence();
  const goalStepId = useStructure().steps.find((s) => s.goal)?.id ?? null;
  const value = useMemo(
    () => (evidence?.metrics ? { ...evidence, ...evidenceCues(evidence.metrics, goalStepId) } : evidence),
    [evidence, goalStepId],
  );
  return <EvidenceContext.Provider value={value}>{children}</EvidenceContext.Provider>;
}
