import type { MapMetrics, MetricsFilters } from "@opencjm/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import type { DataViewRequest } from "../api/evidenceApi.js";
import { importListQuery, mapMetricsQuery, useEvidenceCache } from "../api/evidenceQueries.js";
import { EvidenceContext, type EvidenceFilters, type EvidenceState, type EvidenceStatus } from "./EvidenceContext.js";
import { evidenceCues } from "./evidenceCues.js";
import { storeConversionWindow, storedConversionWindow } from "./storedConversionWindow.js";
import { storeDataChoice, storedDataChoice } from "./storedDataChoice.js";

/**
 * The API's request for the view's filters: the end date is inclusive on screen and exclusive in the API, and the
 * conversion window is sent only when one is chosen (the server's default is none).
 */
export function metricsRequest(filters: EvidenceFilters): DataViewRequest {
  const out: MetricsFilters = {};
  if (filters.channels.length) out.channels = filters.channels;
  if (filters.from) out.from = filters.from;
  if (filters.to) {
    const next = new Date(`${filters.to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    out.to = next.toISOString().slice(0, 10);
  }
  return {
    filters: out,
    ...(filters.personaId ? { personaId: filters.personaId } : {}),
    ...(filters.windowHours ? { options: { conversionWindowHours: filters.windowHours } } : {}),
  };
}

/** Runs after the browser has painted and is idle, so the grid is interactive before any data is asked for. */
function afterPaint(run: () => void): () => void {
  let idle = 0;
  const frame = requestAnimationFrame(() => {
    idle = window.setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(idle);
  };
}

/**
 * True when the numbers place a customer on the map: an event on it, a customer at one of its steps or at one of the
 * touchpoints on it (the workspace's other touchpoints, with no step here, do not count).
 */
export function measuredOnMap(metrics: MapMetrics | undefined): boolean {
  return (
    !!metrics &&
    (metrics.totals.onMapEvents > 0 ||
      metrics.steps.some((s) => s.customers > 0) ||
      metrics.touchpoints.some((t) => t.stepId !== null && t.customers > 0))
  );
}

/**
 * Holds the map's data view: whether it is shown (chosen per map on this device; before any choice, shown once the
 * map's own numbers place a customer on it), its filters (the conversion window remembered per map), and the metrics of the
 * map under them, fetched once the grid is interactive and again whenever the filters change.
 */
export function EvidenceProvider({
  workspaceId,
  mapId,
  openTouchpointRules,
  alwaysShown,
  children,
}: {
  workspaceId: string;
  mapId: string;
  openTouchpointRules?: (touchpointId: string) => void;
  alwaysShown?: boolean;
  children: ReactNode;
}) {
  const [storedChoice, setShownState] = useState(() => storedDataChoice(mapId));
  // Until someone chooses, the data view is on only where this map has data: a new map in a workspace with data gets
  // its room. The map's numbers are asked for only when the workspace has imported something at all.
  const imports = useQuery({ ...importListQuery(workspaceId), enabled: !alwaysShown && storedChoice === null });
  const probing = storedChoice === null && !!imports.data?.some((i) => i.status === "done" && i.eventsStored > 0);
  // Once found, the data stays shown for the visit: a filter that leaves no customer does not hide the view.
  const [measured, setMeasured] = useState(false);
  // The conversion window is remembered per map on this device; the other filters last for the visit.
  const [filters, setFiltersState] = useState<EvidenceFilters>(() => ({
    channels: [],
    windowHours: storedConversionWindow(mapId),
  }));
  const setFilters = useCallback(
    (next: EvidenceFilters) => {
      storeConversionWindow(mapId, next.windowHours);
      setFiltersState(next);
    },
    [mapId],
  );
  const request = useMemo(() => metricsRequest(filters), [filters]);
  // Nothing is asked for before the grid has painted once.
  const [painted, setPainted] = useState(false);
  useEffect(() => afterPaint(() => setPainted(true)), []);
  const query = useQuery({
    ...mapMetricsQuery(workspaceId, mapId, request),
    enabled: (!!alwaysShown || probing || !!storedChoice) && painted,
    // New filters keep the numbers on screen until theirs arrive.
    placeholderData: keepPreviousData,
    // The numbers change only with imports and rules, which refresh them: a failure is shown, not retried.
    retry: false,
  });
  if (probing && !measured && measuredOnMap(query.data)) setMeasured(true);
  const shown = !!alwaysShown || (storedChoice ?? measured);
  const { refreshMetrics } = useEvidenceCache(workspaceId);
  const refresh = useCallback(() => void refreshMetrics(mapId), [refreshMetrics, mapId]);
  const setShown = useCallback(
    (next: boolean) => {
      setShownState(next);
      storeDataChoice(mapId, next);
    },
    [mapId],
  );

  const metrics = query.data ?? null;
  const status: EvidenceStatus = !shown
    ? "off"
    : query.isFetching || query.isPlaceholderData || !painted
      ? "loading"
      : query.isError
        ? "failed"
        : metrics && metrics.totals.storeEvents === 0
          ? "empty"
          : "ready";
  const error = status === "failed" ? query.error : null;
  const value = useMemo<EvidenceState>(() => {
    const cues = metrics ? evidenceCues(metrics) : { worstDropOffStepId: null, worstSentimentStepId: null };
    return {
      workspaceId,
      mapId,
      shown,
      setShown,
      filters,
      setFilters,
      status,
      metrics,
      error,
      refresh,
      steps: new Map((metrics?.steps ?? []).map((s) => [s.stepId, s])),
      ...cues,
      openTouchpointRules,
    };
  }, [workspaceId, mapId, shown, setShown, filters, setFilters, status, metrics, error, refresh, openTouchpointRules]);

  return <EvidenceContext.Provider value={value}>{children}</EvidenceContext.Provider>;
}
