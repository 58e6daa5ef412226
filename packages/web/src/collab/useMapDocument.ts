import { useEffect, useState } from "react";
import { takeMapConnection, type MapConnection } from "./openMapConnection.js";

export type { MapConnection } from "./openMapConnection.js";

/**
 * Keeps a map's live document open while mounted (taking over a connection opened early at start-up, if any); given
 * the map's workspace, the document is filled from the API's copy of the map before the socket syncs.
 */
export function useMapDocument(mapId: string, workspaceId?: string): MapConnection | null {
  const [connection, setConnection] = useState<MapConnection | null>(null);

  useEffect(() => {
    const handle = takeMapConnection(mapId, workspaceId);
    setConnection(handle.current());
    const unsubscribe = handle.subscribe(setConnection);
    return () => {
      unsubscribe();
      handle.close();
    };
  }, [mapId, workspaceId]);

  return connection;
}
