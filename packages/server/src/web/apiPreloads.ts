import { IdSchema } from "@opencjm/core";

const EDITOR_ROUTE = /^\/w\/([^/]+)\/maps\/([^/]+)\/?$/;
/** Pages that never ask for the session (web src/main.tsx): a share link's reader, an embed, the print view. */
const WITHOUT_SESSION = /^\/(?:share|embed|print)\//;

/** A path segment decoded, or "" when it is not valid percent-encoding. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}

/**
 * The API addresses the page at `path` asks for first, for the page to preload them beside its scripts (each is
 * fetched exactly as web src/main.tsx fetches it, so the app takes the preloaded answer): the session on every app
 * page but the shared ones, and on a map editor's page (/w/<workspace>/maps/<map>) the workspace's lists the editor
 * opens with and the map itself. Only well-formed ids reach the page: the path is whatever the visitor typed, and the
 * addresses are written into the HTML.
 */
export function apiPreloads(path: string): string[] {
  const addresses = WITHOUT_SESSION.test(path) ? [] : ["/api/auth/session"];
  const match = EDITOR_ROUTE.exec(path);
  if (!match) return addresses;
  const [workspaceId, mapId] = [decoded(match[1]!), decoded(match[2]!)];
  if (!IdSchema.safeParse(workspaceId).success || !IdSchema.safeParse(mapId).success) return addresses;
  const workspace = `/api/workspaces/${workspaceId}`;
  return [
    ...addresses,
    `${workspace}/maps/${mapId}/state`,
    `${workspace}/maps`,
    `${workspace}/personas`,
    `${workspace}/touchpoints`,
    `${workspace}/channels`,
  ];
}
