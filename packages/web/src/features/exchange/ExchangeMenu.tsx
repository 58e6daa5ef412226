/** Stub: the export/share menu of the map editor header (owned by the exchange feature). */
export function ExchangeMenu(_props: { workspaceId: string; mapId: string }) {
  return null;
}
