import { queryOptions } from "@tanstack/react-query";
import { listShareLinks } from "./exchangeApi.js";

/** The cache key of a map's share links, asked for again after a link is created or revoked. */
export const shareLinksKey = (workspaceId: string, mapId: string) =>
  ["workspace", workspaceId, "maps", mapId, "share-links"] as const;

/** The map's share links that are not revoked (expired ones included, marked). */
export function shareLinkListQuery(workspaceId: string, mapId: string) {
  return queryOptions({
    queryKey: shareLinksKey(workspaceId, mapId),
    queryFn: () => listShareLinks(workspaceId, mapId),
  });
}
