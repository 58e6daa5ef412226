import type { MapHistory, MapRestored, MapSnapshot, MapVersion, MapVersionWithSnapshot } from "@opencjm/core";
import { api } from "../../api/apiClient.js";

const versionsPath = (workspaceId: string, mapId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/maps/${encodeURIComponent(mapId)}/versions`;

/** Where a map's history lives in the query cache (naming or restoring a version refreshes it). */
export const historyKey = (mapId: string) => ["history", mapId] as const;

/** Where one version (with its body) lives in the query cache; a version never changes. */
export const versionKey = (mapId: string, versionId: string) => ["history", mapId, "version", versionId] as const;

/** The map's versions grouped by editing session, newest first. */
export function fetchHistory(workspaceId: string, mapId: string): Promise<MapHistory> {
  return api.get<MapHistory>(versionsPath(workspaceId, mapId));
}

/** One version with the map as it was then; "current" is the map as it is now. */
export async function fetchVersion(
  workspaceId: string,
  mapId: string,
  versionId: string,
): Promise<{ version: MapVersion | null; snapshot: MapSnapshot }> {
  if (versionId === "current") {
    const now = await api.get<{ snapshot: MapSnapshot }>(
      `/api/workspaces/${encodeURIComponent(workspaceId)}/maps/${encodeURIComponent(mapId)}`,
    );
    return { version: null, snapshot: now.snapshot };
  }
  return api.get<MapVersionWithSnapshot>(`${versionsPath(workspaceId, mapId)}/${encodeURIComponent(versionId)}`);
}

/** Names the map as it is now. */
export function nameVersion(workspaceId: string, mapId: string, name: string): Promise<MapVersion> {
  return api.post<MapVersion>(versionsPath(workspaceId, mapId), { name });
}

/** Restores a version as a new change everyone on the map sees. */
export function restoreVersion(workspaceId: string, mapId: string, versionId: string): Promise<MapRestored> {
  return api.post<MapRestored>(`${versionsPath(workspaceId, mapId)}/${encodeURIComponent(versionId)}/restore`, {});
}

/** The download address of a version in an export format. */
export function versionExportUrl(
  workspaceId: string,
  mapId: string,
  versionId: string,
  format: "json" | "pdf",
): string {
  return `/api/workspaces/${encodeURIComponent(workspaceId)}/maps/${encodeURIComponent(mapId)}/export?format=${format}&version=${encodeURIComponent(versionId)}`;
}

/**
 * The web address of a version, alone or compared with another version (or "current"), inside its workspace's
 * routes (links there are relative to `/w/<workspaceId>`).
 */
export function versionPagePath(mapId: string, versionId: string, compareWith?: string): string {
  const base = `/maps/${encodeURIComponent(mapId)}/versions/${encodeURIComponent(versionId)}`;
  return compareWith ? `${base}?with=${encodeURIComponent(compareWith)}` : base;
}
