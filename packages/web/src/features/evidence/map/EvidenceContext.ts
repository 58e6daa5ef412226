import type { MapMetrics, StepMetrics } from "@opencjm/core";
import { createContext, useContext } from "react";

/** The filters of the data shown on a map: a persona (its segment), channels, a date range and the conversion window. */
export interface EvidenceFilters {
  personaId?: string;
  channels: string[];
  /** ISO dates (YYYY-MM-DD), inclusive. */
  from?: string;
  to?: string;
  /** The conversion window in hours; undefined for none (a step counts however long customers take). */
  windowHours?: number;
}

/** Where the data view is: off, loading, shown, empty (no data imported yet) or failed. */
export type EvidenceStatus = "off" | "loading" | "ready" | "empty" | "failed";

/** What the map's data view shares with the grid's cells, lanes and the bar above it. */
export interface EvidenceState {
  workspaceId: string;
  mapId: string;
  shown: boolean;
  setShown: (shown: boolean) => void;
  filters: EvidenceFilters;
  setFilters: (filters: EvidenceFilters) => void;
  status: EvidenceStatus;
  metrics: MapMetrics | null;
  error: unknown;
  /** Recomputes with the current filters (after the map or its rules changed). */
  refresh: () => void;
  steps: ReadonlyMap<string, StepMetrics>;
  /** The step where most customers leave, and the one whose feedback is most negative: drawn with a warning colour. */
  worstDropOffStepId: string | null;
  worstSentimentStepId: string | null;
  /** Steps at the journey's end (its goal and after): leaving there is not drop-off. Absent: none. */
  journeyEndStepIds?: ReadonlySet<string>;
  /** Opens the rules that link a touchpoint to events (undefined where the user may not edit them). */
  openTouchpointRules?: (touchpointId: string) => void;
}

/** The map's data view; null outside the editor (shared and print views show no live data). */
export const EvidenceContext = createContext<EvidenceState | null>(null);

/** The surrounding data view, or null. */
export function useEvidence(): EvidenceState | null {
  return useContext(EvidenceContext);
}

/** The data view when it is shown and has metrics, else null: what cells need to decide whether to draw anything. */
export function useShownMetrics(): (EvidenceState & { metrics: MapMetrics }) | null {
  const evidence = useContext(EvidenceContext);
  return evidence && evidence.shown && evidence.metrics && evidence.status !== "empty"
    ? (evidence as EvidenceState & { metrics: MapMetrics })
    : null;
}
