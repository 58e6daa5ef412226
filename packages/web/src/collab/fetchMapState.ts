/**
 * The map's Yjs state from the API (the editor's page preloads it beside its scripts, so this usually takes the
 * answer already there), or undefined when it cannot be had: the collaboration socket then brings the whole map.
 */
export async function fetchMapState(workspaceId: string, mapId: string): Promise<Uint8Array | undefined> {
  try {
    // A plain same-origin fetch, as the page's <link rel="preload" as="fetch" crossorigin> was made: anything else
    // (a header, another credentials mode) would not match the preload and ask a second time.
    const response = await fetch(
      `/api/workspaces/${encodeURIComponent(workspaceId)}/maps/${encodeURIComponent(mapId)}/state`,
    );
    if (!response.ok) return undefined;
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return undefined;
  }
}
