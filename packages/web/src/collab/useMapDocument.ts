import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import * as Y from "yjs";

/** The live state of a map's connection to the collaboration server. */
export interface MapConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** "connected" once the socket is open; edits made while "disconnected" are kept and merge on reconnect. */
  status: "connecting" | "connected" | "disconnected";
  /** True once the first full sync with the server has happened (the map's content is in `doc`). */
  synced: boolean;
  /** Local changes the server has not acknowledged yet (they are durable on the server once acknowledged). */
  unsyncedChanges: number;
  /** Set when the server refused the connection (unknown map, no access, signed out). */
  denied: string | null;
}

/** The collaboration endpoint of the server that served this page. */
export function collabUrl(location: Location = window.location): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/collab`;
}

/**
 * Opens a map's Yjs document through the collaboration endpoint and keeps it open while mounted. The session cookie
 * authenticates the socket (the empty token tells the server to use it); a viewer's connection is read-only.
 */
export function useMapDocument(mapId: string): MapConnection | null {
  const [connection, setConnection] = useState<MapConnection | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({ url: collabUrl(), delay: 500, minDelay: 250, maxDelay: 5000 });
    let state: MapConnection;
    const update = (patch: Partial<MapConnection>) => {
      state = { ...state, ...patch };
      setConnection(state);
    };
    performance.mark("cjm:map-connecting");
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: mapId,
      document: doc,
      token: "",
      onStatus: ({ status }) => update({ status: status === WebSocketStatus.Connected ? "connected" : status === WebSocketStatus.Connecting ? "connecting" : "disconnected" }),
      onSynced: () => {
        // Timing marks for `bench/mapEditor.ts`, which reports where the time to an editable map goes.
        performance.mark("cjm:map-synced");
        update({ synced: true });
      },
      onUnsyncedChanges: ({ number }) => update({ unsyncedChanges: number }),
      onAuthenticationFailed: ({ reason }) => update({ denied: reason || "denied" }),
    });
    state = { doc, provider, status: "connecting", synced: false, unsyncedChanges: 0, denied: null };
    setConnection(state);
    // A provider given its own socket does not connect until attached to it.
    provider.attach();
    // The socket may take many seconds to notice a lost network; the browser knows at once.
    const onOffline = () => update({ status: "disconnected" });
    const onOnline = () => update({ status: socket.status === WebSocketStatus.Connected ? "connected" : "connecting" });
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      provider.destroy();
      socket.destroy();
      doc.destroy();
    };
  }, [mapId]);

  return connection;
}
