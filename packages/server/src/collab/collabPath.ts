/** The collaboration endpoint's path; `/collab/<mapId>` names the one map a socket opens. */
export const COLLAB_PATH = "/collab";

/**
 * The map a socket's upgrade path names, or undefined for the bare `/collab` (which may open several maps). A proxy
 * in front of several instances routes by this id, so each map's editors meet on one instance (deploy/README.md).
 */
export function mapIdOfCollabPath(url: string | undefined): string | undefined {
  const path = (url ?? "").split("?")[0]!;
  if (!path.startsWith(`${COLLAB_PATH}/`)) return undefined;
  const id = path.slice(COLLAB_PATH.length + 1);
  try {
    return decodeURIComponent(id) || undefined;
  } catch {
    return id;
  }
}
