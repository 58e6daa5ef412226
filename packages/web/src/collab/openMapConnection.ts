import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from "@hocuspocus/provider";
import * as Y from "yjs";
import { fetchMapState } from "./fetchMapState.js";

/** The live state of a map's connection to the collaboration server. */
export interface MapConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** "connected" once the socket is open; edits made while "disconnected" are kept and merge on reconnect. */
  status: "connecting" | "connected" | "disconnected";
  /** True once the first full sync with the server has happened. */
  synced: boolean;
  /**
   * True once the map's content is in `doc`: from the API's copy (the page preloads it) or from the first sync,
   * whichever came first. The editor opens then; edits made before the sync reach the server with it.
   */
  ready: boolean;
  /** Local changes the server has not acknowledged yet (they are durable on the server once acknowledged). */
  unsyncedChanges: number;
  /** Set when the server refused the connection (unknown map, no access, signed out). */
  denied: string | null;
}

/** An open connection outside React: its latest state, change notifications, and closing. */
export interface MapConnectionHandle {
  mapId: string;
  current(): MapConnection;
  subscribe(listener: (state: MapConnection) => void): () => void;
  close(): void;
}

/**
 * The collaboration endpoint of the server that served this page, for one map: the map's id in the path lets a proxy
 * in front of several server instances send each map's editors to the same one.
 */
function collabUrl(mapId: string, location: Location = window.location): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/collab/${encodeURIComponent(mapId)}`;
}

/**
 * A single-use ticket for the collaboration socket from the API (same origin only), or "" when it cannot be had — the
 * server then falls back to the session cookie, which it accepts only from this origin.
 */
async function fetchCollabTicket(): Promise<string> {
  try {
    const response = await fetch("/api/collab/ticket", {
      credentials: "same-origin",
      headers: { accept: "application/json" },
    });
    if (!response.ok) return "";
    return ((await response.json()) as { ticket?: string }).ticket ?? "";
  } catch {
    return "";
  }
}

/** The origin of the map's state applied from the API before the socket's first sync (never sent back, never undone). */
const PRELOADED_STATE = Symbol("preloaded map state");
/** How long the socket waits for the preloaded state before connecting without it. */
const PRELOAD_WAIT_MS = 3000;

/**
 * Opens a map's Yjs document through the collaboration endpoint, authenticated by a ticket fetched for each attempt (the
 * first one while the socket opens); a viewer's connection is read-only. Given the map's workspace, the document is
 * first filled from the API's copy of the map (which the page preloads), so the socket's first sync carries only what
 * changed since instead of the whole map.
 */
export function openMapConnection(mapId: string, workspaceId?: string): MapConnectionHandle {
  let nextTicket: Promise<string> | undefined = fetchCollabTicket();
  const takeTicket = () => {
    const ticket = nextTicket ?? fetchCollabTicket();
    nextTicket = undefined;
    return ticket;
  };
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: collabUrl(mapId), delay: 500, minDelay: 250, maxDelay: 5000 });
  const listeners = new Set<(state: MapConnection) => void>();
  let state: MapConnection;
  const update = (patch: Partial<MapConnection>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  };
  performance.mark("cjm:map-connecting");
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: mapId,
    document: doc,
    token: takeTicket,
    onStatus: ({ status }) =>
      update({
        status:
          status === WebSocketStatus.Connected
            ? "connected"
            : status === WebSocketStatus.Connecting
              ? "connecting"
              : "disconnected",
      }),
    // Timing marks for `bench/mapEditor.ts`, which reports where the time to an editable map goes: the socket is open,
    // the server has accepted the connection, a message arrives (the last before the first sync is the map, applied
    // right after the mark), the map is in the document.
    onOpen: () => void performance.mark("cjm:map-socket-open"),
    onAuthenticated: () => void performance.mark("cjm:map-accepted"),
    onMessage: () => void (state.synced || performance.mark("cjm:map-message")),
    onSynced: () => {
      performance.mark("cjm:map-synced");
      listenForLocalEdits();
      update({ synced: true, ready: true });
    },
    onUnsyncedChanges: ({ number }) => update({ unsyncedChanges: number }),
    onAuthenticationFailed: ({ reason }) => update({ denied: reason || "denied" }),
  });
  state = { doc, provider, status: "connecting", synced: false, ready: false, unsyncedChanges: 0, denied: null };
  // The provider sends every local change of the document to the server from the document's "update" event; with a
  // listener there, Yjs re-encodes each transaction — the first sync too, the whole map (a third of its apply time for
  // 2,000 cards) — only for the provider to drop it as the server's own. Nothing edits the document before its first
  // sync or the API's copy is in (the editor mounts only then), so the provider listens from then on.
  doc.off("update", provider.boundDocumentUpdateHandler);
  let listening = false;
  const listenForLocalEdits = () => {
    if (listening) return;
    listening = true;
    doc.on("update", provider.boundDocumentUpdateHandler);
  };
  // A provider given its own socket does not connect until attached to it: here once the API's copy of the map is in
  // the document, so the first sync message states what the document already holds (or without it, when it is late).
  let closed = false;
  const preloaded = workspaceId
    ? fetchMapState(workspaceId, mapId).then((copy) => {
        if (!copy || closed || state.ready) return;
        try {
          Y.applyUpdate(doc, copy, PRELOADED_STATE);
        } catch {
          // An unreadable copy: the socket's sync brings the map as it would have without it.
          return;
        }
        performance.mark("cjm:map-preloaded");
        listenForLocalEdits();
        update({ ready: true });
      })
    : Promise.resolve();
  void Promise.race([preloaded, new Promise((resolve) => setTimeout(resolve, PRELOAD_WAIT_MS))]).then(() => {
    if (!closed) provider.attach();
  });
  // The socket may take many seconds to notice a lost network; the browser knows at once.
  const onOffline = () => update({ status: "disconnected" });
  const onOnline = () => update({ status: socket.status === WebSocketStatus.Connected ? "connected" : "connecting" });
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);
  return {
    mapId,
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      listeners.clear();
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

let preopened: MapConnectionHandle | undefined;

/**
 * Opens a map's connection while the app is still loading its code, so the document syncs in parallel with the rest
 * of the start-up; the editor takes it over when it mounts. Only one is kept: opening another closes the first.
 */
export function preconnectMap(workspaceId: string, mapId: string): void {
  if (preopened?.mapId === mapId) return;
  preopened?.close();
  const handle = openMapConnection(mapId, workspaceId);
  preopened = handle;
  // Nobody took it (signed out and sent to sign in, or another screen): do not keep a socket open for nothing.
  setTimeout(() => {
    if (preopened === handle) {
      preopened = undefined;
      handle.close();
    }
  }, 30_000);
}

/** The connection opened early for this map, once (the caller then owns it), or a new one. */
export function takeMapConnection(mapId: string, workspaceId?: string): MapConnectionHandle {
  const early = preopened;
  preopened = undefined;
  if (early?.mapId === mapId) return early;
  early?.close();
  return openMapConnection(mapId, workspaceId);
}
