import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus, type Connection } from "@hocuspocus/server";
import { WebSocketServer, type WebSocket } from "ws";
import * as Y from "yjs";
import type { Services } from "../services.js";
import { createMapUpdateGroupCommit } from "../store/mapUpdateGroupCommit.js";
import { compactMapDocument } from "../store/compactMapDocument.js";
import { shareLiveMaps } from "../cluster/shareLiveMaps.js";
import { authenticateCollaborator } from "./authenticateCollaborator.js";
import { mapIdOfCollabPath } from "./collabPath.js";
import { originAllowed } from "./checkOrigin.js";
import { refuseServerOnlyMessages } from "./clientMessageTypes.js";
import { decodeSyncUpdate } from "./decodeSyncUpdate.js";
import { CoalescedRuns } from "./coalescedRuns.js";
import { checkPresence } from "./presenceGuard.js";
import { CollaboratorRights, type CollaboratorContext } from "./CollaboratorRights.js";
import { GuardedWebSocket, guardOf } from "./socketGuard.js";
import { COLLAB_SOCKET_COMPRESSION } from "./socketCompression.js";
import { RefusedUpdate, releaseValidator, validatorFor } from "./updateValidator.js";

/** The collaboration endpoint mounted on the HTTP server at /collab. */
export interface Collaboration {
  hocuspocus: Hocuspocus;
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/**
 * A Hocuspocus server whose persistence is write-ahead: every incoming update is checked against a shadow copy of
 * the map, appended to the map's log and committed in `beforeHandleMessage`, which Hocuspocus awaits before it applies
 * the update, broadcasts it and sends the client its sync-status acknowledgement. An update arriving alone is committed
 * at once; updates arriving together are committed together (store/mapUpdateGroupCommit.ts), each still acknowledged
 * only after its commit. The debounced `onStoreDocument` only refreshes
 * derived data (JSON snapshot, compaction). Sockets pass a guard (socketGuard.ts) before Hocuspocus sees a message,
 * and every connection's rights are checked again whenever rights change (CollaboratorRights.ts).
 */
export function createCollaboration(services: Services): Collaboration {
  const { db, maps, config } = services;
  const sockets = new WeakMap<IncomingMessage, GuardedWebSocket>();
  const shared = shareLiveMaps(config, services.cluster);
  const log = createMapUpdateGroupCommit(db);
  const refreshes = new CoalescedRuns<Y.Doc>();
  const hocuspocus = new Hocuspocus({
    quiet: true,
    extensions: shared.extensions,
    debounce: 1000,
    maxDebounce: 5000,
    async onAuthenticate({ documentName, token, requestHeaders, connectionConfig, request }) {
      // A socket opened on /collab/<mapId> was routed for that map (possibly to this instance by a proxy hashing the
      // id): it may not open another.
      const pathMap = mapIdOfCollabPath(request.url);
      if (pathMap !== undefined && pathMap !== documentName) throw new Error("this socket was opened for another map");
      const collaborator = await authenticateCollaborator(db, services.collabTickets, {
        mapId: documentName,
        token,
        headers: requestHeaders,
      });
      connectionConfig.readOnly = collaborator.readOnly;
      const socket = sockets.get(request);
      if (socket) guardOf(socket)?.markAuthenticated(documentName);
      const context: CollaboratorContext = {
        userId: collaborator.caller.userId,
        caller: collaborator.caller,
        checkedAt: services.accessChanges.generation,
      };
      return context;
    },
    async onLoadDocument({ document, documentName }) {
      // Through the store, so the snapshot stored with the map's state serves the editor's first API reads.
      await maps.loadLiveDocument(documentName, document);
    },
    async beforeHandleMessage({ connection, update: message, documentName, document }) {
      refuseServerOnlyMessages(message);
      checkPresence(
        message,
        connection,
        document.getConnections(),
        document.awareness,
        (connection.context as CollaboratorContext).userId,
      );
      const update = decodeSyncUpdate(message);
      if (!update) return;
      // Rights may have changed since this connection's last check (revoked token, new role, signed out); a
      // connection that lost access is closed and its update goes nowhere.
      await rights.confirm(connection, documentName);
      // Read-only connections' changes are refused by Hocuspocus itself (it answers with a negative sync status).
      if (connection.readOnly) return;
      const validator = validatorFor(document);
      try {
        validator.check(update, connection);
        await log.append(documentName, update, (connection.context as CollaboratorContext).userId);
        maps.history.noteEdit(documentName);
      } catch (err) {
        // The shadow may now be ahead of the map (the append failed after the check): start it afresh.
        releaseValidator(document);
        if (err instanceof RefusedUpdate)
          throw Object.assign(new Error(err.message), { code: 4400, reason: `${err.code}: ${err.message}` });
        throw err;
      }
    },
    async onStoreDocument({ document, documentName }) {
      // Derived data only (every update is already durable): a failure here is logged, never fatal. One refresh at a
      // time per open map, however often Hocuspocus asks (coalescedRuns.ts).
      await refreshes.run(document, async () => {
        try {
          await maps.saveSnapshot(documentName, document);
          await maps.compactIfLarge(documentName);
        } catch (err) {
          console.error(
            `could not refresh the snapshot of map ${documentName}:`,
            err instanceof Error ? err.message : err,
          );
        }
      });
    },
    async beforeUnloadDocument({ document }) {
      releaseValidator(document);
    },
    async afterUnloadDocument({ documentName }) {
      try {
        // Everyone left: the pause is over, so the checkpoint is taken now.
        await maps.history.flush(documentName);
        // With the read snapshot, so the map's next opening or export need not build it.
        await compactMapDocument(db, documentName, { snapshot: true });
      } catch (err) {
        // The log stays as it is; the next load or compaction tries again. Never fatal.
        console.error(`could not compact map ${documentName}:`, err instanceof Error ? err.message : err);
      }
    },
  });
  const rights = new CollaboratorRights(db, services.accessChanges, () => connectionsOf(hocuspocus));
  // Comment threads live beside the document: tell everyone on the map which thread changed, and they refetch it
  // through the API (which checks their rights again). Only a map that is open has anyone to tell.
  // Each instance hears every signal (cluster/bridgeToCluster.ts) and tells its own connections, so the Redis
  // extension's forwarding of broadcasts is bypassed (it would repeat each message once per instance).
  const stopSignals = services.mapSignals.subscribe(({ mapId, message }) => {
    const payload = JSON.stringify(message);
    for (const { connection } of hocuspocus.documents.get(mapId)?.connections.values() ?? []) {
      connection.sendStateless(payload);
    }
  });
  const liveDoc = async (mapId: string): Promise<Y.Doc | undefined> => {
    const loading = hocuspocus.loadingDocuments.get(mapId);
    if (loading) return (await loading) as Y.Doc;
    return hocuspocus.documents.get(mapId);
  };
  shared.attach(hocuspocus, liveDoc);
  maps.attachLiveDocuments({
    get: liveDoc,
    async deliver(mapId, update, origin) {
      const doc = await liveDoc(mapId);
      // Open here: the Redis extension carries the change to the other instances' copies.
      if (doc) Y.applyUpdate(doc, update, origin);
      else shared.publishUpdate(mapId, update);
    },
    closeConnections(mapId) {
      hocuspocus.closeConnections(mapId);
      shared.publishClosed(mapId);
    },
    scratchOf: (doc) => validatorFor(doc).scratch(),
    discardScratchOf: (doc) => releaseValidator(doc),
  });
  const allowedOrigins = [...(config.publicUrl ? [config.publicUrl] : []), ...config.allowedOrigins];
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.maxBodyBytes,
    perMessageDeflate: COLLAB_SOCKET_COMPRESSION,
    WebSocket: GuardedWebSocket as unknown as typeof WebSocket,
  });
  return {
    hocuspocus,
    handleUpgrade(request, socket, head) {
      socket.on("error", () => undefined);
      if (!originAllowed(request.headers, allowedOrigins)) {
        socket.end(
          "HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nthis origin may not open the collaboration endpoint\n",
        );
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        GuardedWebSocket.guard(ws);
        sockets.set(request, ws as GuardedWebSocket);
        hocuspocus.handleConnection(ws, request);
      });
    },
    async close() {
      rights.stop();
      stopSignals();
      shared.stop();
      hocuspocus.closeConnections();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await log.close();
      // Let pending snapshot stores and unload compactions finish before the database is closed under them.
      const deadline = Date.now() + 10_000;
      while ((hocuspocus.getDocumentsCount() > 0 || hocuspocus.unloadingDocuments.size > 0) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
      }
      await maps.history.close();
    },
  };
}

/** Every live connection with the map it edits. */
function connectionsOf(hocuspocus: Hocuspocus): Array<{ connection: Connection; documentName: string }> {
  return [...hocuspocus.documents.values()].flatMap((document) =>
    document.getConnections().map((connection) => ({ connection, documentName: document.name })),
  );
}
