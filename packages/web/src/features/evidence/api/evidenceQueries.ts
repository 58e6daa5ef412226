import type { ImportRecord, Source as EventSource, TouchpointRule } from "@opencjm/core";
import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import {
  type DataViewRequest,
  fetchCaseDurations,
  fetchFacets,
  fetchImports,
  fetchMapMetrics,
  fetchRules,
  fetchSources,
  fetchUnmapped,
} from "./evidenceApi.js";

/**
 * The query keys of the evidence screens. A map's metrics sit under their own key (not under the map list's), so
 * creating or renaming a map never recomputes them.
 */
const evidenceKeys = {
  sources: (workspaceId: string) => ["workspace", workspaceId, "sources"] as const,
  imports: (workspaceId: string) => ["workspace", workspaceId, "imports"] as const,
  rules: (workspaceId: string) => ["workspace", workspaceId, "touchpointRules"] as const,
  facets: (workspaceId: string) => ["workspace", workspaceId, "data", "facets"] as const,
  unmapped: (workspaceId: string) => ["workspace", workspaceId, "data", "unmapped"] as const,
  metrics: (workspaceId: string, mapId: string) => ["workspace", workspaceId, "metrics", mapId] as const,
  // Under the map's metrics key, so whatever asks for its numbers again asks for these too.
  caseDurations: (workspaceId: string, mapId: string) =>
    ["workspace", workspaceId, "metrics", mapId, "caseDurations"] as const,
};

/** The workspace's data sources. */
export function sourceListQuery(workspaceId: string) {
  return queryOptions({
    queryKey: evidenceKeys.sources(workspaceId),
    queryFn: ({ signal }) => fetchSources(workspaceId, signal),
  });
}

/** The import history, newest first. */
export function importListQuery(workspaceId: string) {
  return queryOptions({
    queryKey: evidenceKeys.imports(workspaceId),
    queryFn: ({ signal }) => fetchImports(workspaceId, signal),
  });
}

/** The workspace's touchpoint mapping rules, in the order they are tried. */
export function ruleListQuery(workspaceId: string) {
  return queryOptions({
    queryKey: evidenceKeys.rules(workspaceId),
    queryFn: ({ signal }) => fetchRules(workspaceId, signal),
  });
}

/** Channels, event names, properties and attributes found in the data. */
export function facetsQuery(workspaceId: string) {
  return queryOptions({
    queryKey: evidenceKeys.facets(workspaceId),
    queryFn: ({ signal }) => fetchFacets(workspaceId, signal),
  });
}

/** Events no touchpoint rule takes yet, the most frequent first. */
export function unmappedQuery(workspaceId: string) {
  return queryOptions({
    queryKey: evidenceKeys.unmapped(workspaceId),
    queryFn: ({ signal }) => fetchUnmapped(workspaceId, signal),
  });
}

/** All metrics of a map under the filters (a persona's segment by its id). */
export function mapMetricsQuery(workspaceId: string, mapId: string, request: DataViewRequest) {
  return queryOptions({
    queryKey: [...evidenceKeys.metrics(workspaceId, mapId), request] as const,
    queryFn: ({ signal }) => fetchMapMetrics(workspaceId, mapId, request, signal),
  });
}

/** How long journeys take through the map, overall and per variant, under the same request as its metrics. */
export function caseDurationsQuery(workspaceId: string, mapId: string, request: DataViewRequest) {
  return queryOptions({
    queryKey: [...evidenceKeys.caseDurations(workspaceId, mapId), request] as const,
    queryFn: ({ signal }) => fetchCaseDurations(workspaceId, mapId, request, signal),
  });
}

/** What the evidence screens change in the cache once the server has taken a change (the same functions on every render). */
export function useEvidenceCache(workspaceId: string) {
  const client = useQueryClient();
  return useMemo(
    () => ({
      /** The rules as they now are; the unmapped events and the map's numbers follow them. */
      rulesChanged: (rules: TouchpointRule[]) => {
        client.setQueryData(evidenceKeys.rules(workspaceId), rules);
        return client.invalidateQueries({ queryKey: evidenceKeys.unmapped(workspaceId) });
      },
      /** A source was created or its mapping saved. */
      sourceStored: (source: EventSource) =>
        client.setQueryData<EventSource[]>(evidenceKeys.sources(workspaceId), (sources = []) =>
          sources.some((s) => s.sourceId === source.sourceId)
            ? sources.map((s) => (s.sourceId === source.sourceId ? source : s))
            : [...sources, source],
        ),
      /** An import ended: sources' counts, the history, what the data holds and every map's numbers change. */
      importFinished: () =>
        Promise.all(
          [
            evidenceKeys.sources(workspaceId),
            evidenceKeys.imports(workspaceId),
            evidenceKeys.facets(workspaceId),
            evidenceKeys.unmapped(workspaceId),
            ["workspace", workspaceId, "metrics"],
          ].map((queryKey) => client.invalidateQueries({ queryKey })),
        ),
      /** Asks for a map's numbers again (after the map or its rules changed). */
      refreshMetrics: (mapId: string) =>
        client.invalidateQueries({ queryKey: evidenceKeys.metrics(workspaceId, mapId) }),
    }),
    [client, workspaceId],
  );
}

/** True when an import is running in the history. */
export function importRunning(imports: readonly ImportRecord[] | undefined): boolean {
  return !!imports?.some((i) => i.status === "running");
}
