import { IdSchema } from "@opencjm/core";

const EDITOR_ROUTE = /^\/w\/([^/]+)\/maps\/([^/]+)\/?$/;

/**
 * The API address of the map's Yjs state when `path` is a map editor's page (the web app's /w/<workspace>/maps/<map>),
 * for the page to preload it beside its scripts; undefined on other pages. Only well-formed ids reach the page: the
 * path is whatever the visitor typed, and the address is written into the HTML.
 */
export function mapStatePreload(path: string): string | undefined {
  const match = EDITOR_ROUTE.exec(path);
  if (!match) return undefined;
  const [workspaceId, mapId] = [match[1]!, match[2]!].map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return "";
    }
  });
  if (!IdSchema.safeParse(workspaceId).success || !IdSchema.safeParse(mapId).success) return undefined;
  return `/api/workspaces/${workspaceId}/maps/${mapId}/state`;
}
