import type { MapMetrics } from "@opencjm/core";
import { evidenceCues } from "../../evidence/map/evidenceCues.js";
import type { EvidenceState } from "../../evidence/map/EvidenceContext.js";

const ignore = () => undefined;

/**
 * The data view of a printed map: the metrics the export link carries, shown as the editor shows them with data on
 * and no filter, so the data lane prints its figures and the emotion lane its measured curve. Nothing can change it.
 * Its cues are measured up to the journey's goal step, as in the editor.
 */
export function printEvidence(metrics: MapMetrics, goalStepId: string | null): EvidenceState {
  return {
    workspaceId: "",
    mapId: "",
    shown: true,
    setShown: ignore,
    filters: { channels: [] },
    setFilters: ignore,
    status: "ready",
    metrics,
    error: null,
    refresh: ignore,
    steps: new Map(metrics.steps.map((s) => [s.stepId, s])),
    ...evidenceCues(metrics, goalStepId),
  };
}
