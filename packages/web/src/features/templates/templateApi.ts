import type { Locale, MapCreated, MapSnapshot, MapSnapshotInput, TemplateSummary } from "@opencjm/core";
import { api } from "../../api/apiClient.js";

/** The template gallery in a language. */
export function fetchTemplates(locale: Locale, signal?: AbortSignal): Promise<TemplateSummary[]> {
  return api.get<TemplateSummary[]>(`/api/templates?locale=${encodeURIComponent(locale)}`, { signal });
}

/** The map a template would create, for its preview. */
export function fetchTemplatePreview(
  templateId: string,
  locale: Locale,
  signal?: AbortSignal,
): Promise<{ template: TemplateSummary; snapshot: MapSnapshot }> {
  return api.get(`/api/templates/${encodeURIComponent(templateId)}?locale=${encodeURIComponent(locale)}`, { signal });
}

/** What the new-map form sends: a template with its options, or a whole snapshot (the blank map). */
export type NewMapRequest =
  | { templateId: string; locale: Locale; title?: string; goal?: string; personaIds: string[] }
  | { snapshot: MapSnapshotInput };

/** Creates a map in the workspace. */
export function createMap(workspaceId: string, request: NewMapRequest): Promise<MapCreated> {
  return api.post(`/api/workspaces/${encodeURIComponent(workspaceId)}/maps`, request);
}

/** Changes some settings of a map. */
export function updateMapSettings(
  workspaceId: string,
  mapId: string,
  settings: Record<string, unknown>,
): Promise<unknown> {
  return api.patch(
    `/api/workspaces/${encodeURIComponent(workspaceId)}/maps/${encodeURIComponent(mapId)}/settings`,
    settings,
  );
}
