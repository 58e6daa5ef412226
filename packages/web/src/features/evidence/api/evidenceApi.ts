import type {
  CaseDurations,
  DataFacets,
  DraftPlan,
  FilePreview,
  ImportChoicesQuery,
  ImportMappingInput as ImportMapping,
  ImportRecord,
  MapMetrics,
  MapSnapshot,
  MetricsFilters,
  RuleMatch,
  RuleMatches,
  SegmentRule,
  SegmentSize,
  Source as EventSource,
  SourceKind,
  Touchpoint,
  TouchpointFields,
  TouchpointRule,
  UnmatchedEvents,
} from "@opencjm/core";
import { api } from "../../../api/apiClient.js";

const ws = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;
const q = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();

/** Files this size or smaller are previewed whole; larger ones by their first bytes (except XLSX and Parquet). */
export const PREVIEW_BYTES = 1 << 20;

/** The workspace's data sources. */
export function fetchSources(workspaceId: string, signal?: AbortSignal): Promise<EventSource[]> {
  return api.get<EventSource[]>(`${ws(workspaceId)}/sources`, { signal });
}

/** Creates a data source. */
export function createSource(workspaceId: string, fields: { name: string; kind: SourceKind }): Promise<EventSource> {
  return api.post<EventSource>(`${ws(workspaceId)}/sources`, fields);
}

/** Saves a source's column mapping (reused by its next import). */
export function saveSourceMapping(workspaceId: string, sourceId: string, mapping: ImportMapping): Promise<EventSource> {
  return api.patch<EventSource>(`${ws(workspaceId)}/sources/${encodeURIComponent(sourceId)}`, { mapping });
}

/** Previews a file: its first megabyte (the whole file for XLSX and Parquet, which cannot be read in part). */
export function previewFile(workspaceId: string, file: File, signal?: AbortSignal): Promise<FilePreview> {
  const whole = file.size <= PREVIEW_BYTES || /\.(xlsx|parquet)$/i.test(file.name);
  const body = whole ? file : file.slice(0, PREVIEW_BYTES);
  return api.upload<FilePreview>(
    `${ws(workspaceId)}/sources/preview?${q({ fileName: file.name, complete: String(whole) })}`,
    body,
    { signal, headers: { "content-type": "application/octet-stream" } },
  );
}

/** The address a file is uploaded to for import into a source, with the mapping and the import's choices to use. */
export function importUrl(
  workspaceId: string,
  sourceId: string,
  fileName: string,
  mapping: ImportMapping,
  choices: ImportChoicesQuery = {},
): string {
  const query = q({ fileName, mapping: JSON.stringify(mapping), ...choices });
  return `${ws(workspaceId)}/sources/${encodeURIComponent(sourceId)}/imports?${query}`;
}

/** The address of an import's progress as server-sent events. */
export function importEventsUrl(workspaceId: string, importId: string): string {
  return `${ws(workspaceId)}/imports/${encodeURIComponent(importId)}/events`;
}

/** The import history, newest first. */
export function fetchImports(workspaceId: string, signal?: AbortSignal): Promise<ImportRecord[]> {
  return api.get<ImportRecord[]>(`${ws(workspaceId)}/imports?limit=50`, { signal });
}

/** What the data view asks the map's numbers for: its filters, a persona (its segment) and the conversion window. */
export interface DataViewRequest {
  filters: MetricsFilters;
  personaId?: string;
  /** Absent: the server's default, no window (the largest). */
  options?: { conversionWindowHours: number };
}

/** All metrics of a map over the workspace's data, under the filters (a persona's segment by its id). */
export function fetchMapMetrics(
  workspaceId: string,
  mapId: string,
  request: DataViewRequest,
  signal?: AbortSignal,
): Promise<MapMetrics> {
  return api.post<MapMetrics>(`${ws(workspaceId)}/maps/${encodeURIComponent(mapId)}/metrics`, request, { signal });
}

/** How long the map's customers' journeys take, overall and per path variant, under the data view's filters. */
export function fetchCaseDurations(
  workspaceId: string,
  mapId: string,
  request: DataViewRequest,
  signal?: AbortSignal,
): Promise<CaseDurations> {
  return api.post<CaseDurations>(`${ws(workspaceId)}/maps/${encodeURIComponent(mapId)}/case-durations`, request, {
    signal,
  });
}

/** What drafting a map from the data takes: the data view's filters, the new map's title and the steps left out. */
export interface DraftRequest extends DataViewRequest {
  title?: string;
  leaveOut?: string[];
}

/** The map the data would draft (stages and steps with their customers); nothing is created. */
export function previewDraftMap(
  workspaceId: string,
  mapId: string,
  request: DraftRequest,
  signal?: AbortSignal,
): Promise<DraftPlan> {
  return api.post<DraftPlan>(`${ws(workspaceId)}/maps/${encodeURIComponent(mapId)}/draft-from-data/preview`, request, {
    signal,
  });
}

/** Creates a current-state map drafted from the data, its steps linked to their events. */
export function draftMapFromData(
  workspaceId: string,
  mapId: string,
  request: DraftRequest,
): Promise<{ map: { id: string }; snapshot: MapSnapshot }> {
  return api.post(`${ws(workspaceId)}/maps/${encodeURIComponent(mapId)}/draft-from-data`, request);
}

/** The workspace's touchpoint mapping rules, in the order they are tried. */
export function fetchRules(workspaceId: string, signal?: AbortSignal): Promise<TouchpointRule[]> {
  return api.get<TouchpointRule[]>(`${ws(workspaceId)}/touchpoint-rules`, { signal });
}

/** Adds a rule. */
export function createRule(workspaceId: string, rule: RuleMatch & { touchpointId: string }): Promise<TouchpointRule> {
  return api.post<TouchpointRule>(`${ws(workspaceId)}/touchpoint-rules`, rule);
}

/** Replaces a rule's match (names, pattern, channel, conditions). */
export function updateRule(workspaceId: string, ruleId: string, rule: RuleMatch): Promise<TouchpointRule> {
  return api.patch<TouchpointRule>(`${ws(workspaceId)}/touchpoint-rules/${encodeURIComponent(ruleId)}`, {
    eventNames: rule.eventNames,
    pattern: rule.pattern ?? null,
    channel: rule.channel ?? null,
    conditions: rule.conditions,
  });
}

/** Deletes a rule. */
export function deleteRule(workspaceId: string, ruleId: string): Promise<unknown> {
  return api.delete(`${ws(workspaceId)}/touchpoint-rules/${encodeURIComponent(ruleId)}`);
}

/** How many events and customers a rule would match on its own. */
export function previewRule(workspaceId: string, rule: RuleMatch, signal?: AbortSignal): Promise<RuleMatches> {
  return api.post<RuleMatches>(`${ws(workspaceId)}/touchpoint-rules/preview`, rule, { signal });
}

/** How many customers a segment rule selects. */
export function fetchSegmentSize(
  workspaceId: string,
  segment: SegmentRule,
  signal?: AbortSignal,
): Promise<SegmentSize> {
  return api.post<SegmentSize>(`${ws(workspaceId)}/segments/size`, { segment }, { signal });
}

/** Channels, event names, properties and attributes found in the data. */
export function fetchFacets(workspaceId: string, signal?: AbortSignal): Promise<DataFacets> {
  return api.get<DataFacets>(`${ws(workspaceId)}/data/facets`, { signal });
}

/** Adds a touchpoint to the catalogue. */
export function createCatalogueTouchpoint(workspaceId: string, fields: TouchpointFields): Promise<Touchpoint> {
  return api.post<Touchpoint>(`${ws(workspaceId)}/touchpoints`, fields);
}

/** Events no touchpoint rule takes yet, the most frequent first. */
export function fetchUnmapped(workspaceId: string, signal?: AbortSignal): Promise<UnmatchedEvents> {
  return api.get<UnmatchedEvents>(`${ws(workspaceId)}/data/unmapped`, { signal });
}
