import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";

/** `ws` emits connection failures as 'error' events; the provider only listens for close, so give errors a listener. */
class QuietWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    this.on("error", () => undefined);
  }
}

/** A real collaboration client connected to a map, as the editor in the browser would be. */
export interface CollabClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves once the server has acknowledged every change sent so far. */
  flushed(): Promise<void>;
  destroy(): void;
}

/** Connects a provider to ws://…/collab/<mapId> for a map; resolves when synced, rejects when authentication fails. */
export function connectCollabClient(baseUrl: string, mapId: string, token: string): Promise<CollabClient> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: `${baseUrl.replace(/^http/, "ws")}/collab/${encodeURIComponent(mapId)}`,
    WebSocketPolyfill: QuietWebSocket as unknown as typeof globalThis.WebSocket,
    // Several attempts with a pause: a single failed attempt makes the provider reject a promise nobody awaits.
    maxAttempts: 10,
    delay: 1000,
  });
  return new Promise((resolve, reject) => {
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: mapId,
      document: doc,
      token,
      onAuthenticationFailed: ({ reason }) => {
        destroy();
        reject(new Error(`authentication failed: ${reason}`));
      },
      onSynced: () =>
        resolve({
          doc,
          provider,
          flushed: () =>
            new Promise<void>((done) => {
              if (!provider.hasUnsyncedChanges) return done();
              const check = ({ number }: { number: number }) => {
                if (number === 0) {
                  provider.off("unsyncedChanges", check);
                  done();
                }
              };
              provider.on("unsyncedChanges", check);
            }),
          destroy,
        }),
    });
    provider.attach();
    function destroy() {
      provider.destroy();
      socket.destroy();
    }
  });
}
