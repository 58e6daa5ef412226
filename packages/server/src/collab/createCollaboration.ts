import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import type * as Y from "yjs";
import type { Services } from "../services.js";
import { appendMapUpdate, loadMapDoc } from "../store/mapUpdateLog.js";
import { compactMapDocument } from "../store/compactMapDocument.js";
import { authenticateCollaborator } from "./authenticateCollaborator.js";
import { decodeSyncUpdate } from "./decodeSyncUpdate.js";

/** The collaboration endpoint mounted on the HTTP server at /collab. */
export interface Collaboration {
  hocuspocus: Hocuspocus;
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/**
 * A Hocuspocus server whose persistence is write-ahead: every incoming update is appended to the map's log and
 * committed in `beforeHandleMessage`, which Hocuspocus awaits before it applies the update and sends the client its
 * sync-status acknowledgement. The debounced `onStoreDocument` only refreshes derived data (JSON snapshot, compaction).
 */
export function createCollaboration(services: Services): Collaboration {
  const { db, maps } = services;
  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: 1000,
    maxDebounce: 5000,
    async onAuthenticate({ documentName, token, requestHeaders, connectionConfig }) {
      const collaborator = await authenticateCollaborator(db, { mapId: documentName, token, headers: requestHeaders });
      connectionConfig.readOnly = collaborator.readOnly;
      return { userId: collaborator.caller.userId };
    },
    async onLoadDocument({ document, documentName }) {
      await loadMapDoc(db, documentName, document);
    },
    async beforeHandleMessage({ connection, update: message, documentName }) {
      // Read-only connections' changes are refused by Hocuspocus itself (it answers with a negative sync status).
      if (connection.readOnly) return;
      const update = decodeSyncUpdate(message);
      if (update) await appendMapUpdate(db, documentName, update);
    },
    async onStoreDocument({ document, documentName }) {
      // Derived data only (every update is already durable): a failure here is logged, never fatal.
      try {
        await maps.saveSnapshot(documentName, document);
        await maps.compactIfLarge(documentName);
      } catch (err) {
        console.error(`could not refresh the snapshot of map ${documentName}:`, err instanceof Error ? err.message : err);
      }
    },
    async afterUnloadDocument({ documentName }) {
      await compactMapDocument(db, documentName);
    },
  });

  maps.attachLiveDocuments({
    async get(mapId) {
      const loading = hocuspocus.loadingDocuments.get(mapId);
      if (loading) return (await loading) as Y.Doc;
      return hocuspocus.documents.get(mapId);
    },
    closeConnections(mapId) {
      hocuspocus.closeConnections(mapId);
    },
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: services.config.maxBodyBytes });
  return {
    hocuspocus,
    handleUpgrade(request, socket, head) {
      wss.handleUpgrade(request, socket, head, (ws) => hocuspocus.handleConnection(ws, request));
    },
    async close() {
      hocuspocus.closeConnections();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      // Let pending snapshot stores and unload compactions finish before the database is closed under them.
      const deadline = Date.now() + 10_000;
      while ((hocuspocus.getDocumentsCount() > 0 || hocuspocus.unloadingDocuments.size > 0) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}
