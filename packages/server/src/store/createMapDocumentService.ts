import { docToSnapshot, snapshotToDoc, type MapSnapshot } from "@opencjm/core";
import type { Kysely } from "kysely";
import * as Y from "yjs";
import type { AppConfig } from "../config.js";
import type { Db } from "../db/createDb.js";
import type { Database, MapRow } from "../db/schema.js";
import { compactMapDocument } from "./compactMapDocument.js";
import type { MapDocumentService, MapSummary } from "./MapDocumentService.js";
import { createMapCheckpoints, type MapCheckpoints } from "./mapCheckpoints.js";
import { appendMapUpdate, countMapUpdates, loadMapDoc } from "./mapUpdateLog.js";
import { MapSnapshotCache } from "./mapSnapshotCache.js";
import { insertMapVersion } from "./mapVersionStore.js";
import { snapshotFormat } from "./snapshotFormat.js";

/** Where open (live) documents are found: the collaboration server, once it is attached. */
export interface LiveDocuments {
  /** The live document of a map if it is open or being opened; waits for it to finish loading. */
  get(mapId: string): Promise<Y.Doc | undefined>;
  /** Applies an edit stored through the API to the live map, wherever it is open (here or on another instance). */
  deliver(mapId: string, update: Uint8Array, origin: string): Promise<void>;
  /** Disconnects everyone editing a map (it was deleted). */
  closeConnections(mapId: string): void;
  /** A copy of a live map kept in step with it, to edit before the live map sees the change. */
  scratchOf(doc: Y.Doc): Y.Doc;
  /** Drops that copy after an edit of it was not stored (the next use makes a fresh one). */
  discardScratchOf(doc: Y.Doc): void;
}

/** Options of an edit: who made it, and what else to commit in the same transaction as its update. */
export interface EditOptions {
  /** The editor, for the version history; by default the user of an `api:<userId>` origin. */
  author?: string;
  /** Runs inside the transaction that appends the edit's update, with the edited document (a restore's version). */
  alsoInTransaction?: (trx: Kysely<Database>, doc: Y.Doc) => Promise<void>;
}

/** The store plus the hook collaboration uses to plug its live documents in and to refresh the read snapshot. */
export interface MapDocumentStore extends MapDocumentService {
  edit<T>(
    mapId: string,
    edit: (doc: Y.Doc) => T,
    origin: string,
    options?: EditOptions,
  ): Promise<{ result: T; snapshot: MapSnapshot }>;
  /** Version history: checkpoints, named versions, restores. */
  history: MapCheckpoints;
  attachLiveDocuments(live: LiveDocuments): void;
  /** Rewrites the map row's JSON snapshot, title, type and status from a document. */
  saveSnapshot(mapId: string, doc: Y.Doc): Promise<void>;
  /** Compacts when the log has grown past the configured size. */
  compactIfLarge(mapId: string): Promise<void>;
  /**
   * Loads a map into the (empty) document collaboration opens it in; its read snapshot then comes from the one stored
   * with its state, when that is exactly this document's, instead of being built from the document again.
   */
  loadLiveDocument(mapId: string, doc: Y.Doc): Promise<void>;
}

function summaryOf(row: Omit<MapRow, "snapshot">): MapSummary {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    type: row.type,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const summaryColumns = [
  "id",
  "workspace_id",
  "title",
  "type",
  "status",
  "created_by",
  "created_at",
  "updated_at",
] as const;

/** Creates the durable map document store over the database. */
export function createMapDocumentService({ db, config }: { db: Db; config: AppConfig }): MapDocumentStore {
  let live: LiveDocuments | undefined;
  const snapshots = new MapSnapshotCache(db);

  const saveSnapshot = (mapId: string, doc: Y.Doc): Promise<void> => storeSnapshot(mapId, snapshots.ofDocument(doc));
  const storeSnapshot = async (mapId: string, snapshot: MapSnapshot): Promise<void> => {
    await db.kysely
      .updateTable("maps")
      .set({
        snapshot: JSON.stringify(snapshot),
        title: snapshot.settings.title,
        type: snapshot.settings.type,
        status: snapshot.settings.status,
        updated_at: new Date().toISOString(),
      })
      .where("id", "=", mapId)
      .execute();
  };

  const compactIfLarge = async (mapId: string): Promise<void> => {
    if ((await countMapUpdates(db, mapId)) >= config.compactAfterUpdates) await compactMapDocument(db, mapId);
  };

  const history = createMapCheckpoints(
    db,
    { pauseMs: config.checkpointPauseMs, everyMs: config.checkpointEveryMs },
    (mapId, change, origin, options) => store.edit(mapId, change, origin, options),
    async (mapId) => {
      const open = await live?.get(mapId);
      if (open) return { doc: open, release: () => undefined };
      const { doc } = await loadMapDoc(db, mapId);
      return { doc, release: () => doc.destroy() };
    },
  );

  const store: MapDocumentStore = {
    history,
    attachLiveDocuments: (source) => {
      live = source;
    },
    saveSnapshot,
    compactIfLarge,

    async create({ workspaceId, createdBy, snapshot }) {
      const id = `map_${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
      const now = new Date().toISOString();
      const doc = snapshotToDoc(snapshot);
      const state = Buffer.from(Y.encodeStateAsUpdate(doc));
      const stored = docToSnapshot(doc);
      doc.destroy();
      const row = {
        id,
        workspace_id: workspaceId,
        title: stored.settings.title,
        type: stored.settings.type,
        status: stored.settings.status,
        snapshot: JSON.stringify(stored),
        created_by: createdBy,
        created_at: now,
        updated_at: now,
      };
      await db.kysely.transaction().execute(async (trx) => {
        await trx.insertInto("maps").values(row).execute();
        await trx
          .insertInto("map_states")
          .values({
            map_id: id,
            state,
            last_update_id: 0,
            updated_at: now,
            snapshot: row.snapshot,
            snapshot_format: snapshotFormat(),
          })
          .execute();
        // The first version: what the map was made as, to go back to.
        await insertMapVersion(trx, { mapId: id, kind: "created", state, snapshotJson: row.snapshot, createdBy }, 0);
      });
      return summaryOf(row);
    },

    async find(workspaceId, mapId) {
      const row = await db.kysely
        .selectFrom("maps")
        .select(summaryColumns)
        .where("id", "=", mapId)
        .where("workspace_id", "=", workspaceId)
        .executeTakeFirst();
      return row ? summaryOf(row) : undefined;
    },

    async list(workspaceId) {
      const rows = await db.kysely
        .selectFrom("maps")
        .select(summaryColumns)
        .where("workspace_id", "=", workspaceId)
        .orderBy("updated_at", "desc")
        .orderBy("id")
        .execute();
      return rows.map(summaryOf);
    },

    async loadLiveDocument(mapId, doc) {
      const loaded = await loadMapDoc(db, mapId, doc, { storedSnapshot: true });
      if (loaded.storedSnapshot) snapshots.adopt(doc, loaded.storedSnapshot);
    },

    async readSnapshot(mapId) {
      const open = await live?.get(mapId);
      return open ? snapshots.ofDocument(open) : snapshots.ofStoredMap(mapId);
    },

    async readState(mapId) {
      const open = await live?.get(mapId);
      if (open) return Y.encodeStateAsUpdate(open);
      // One statement, so the state and the count of the log's rows are read at the same moment: a compaction in
      // between would otherwise fold rows into a state this read has already passed.
      const stored = await db.kysely
        .selectFrom("map_states")
        .select((eb) => [
          "state",
          eb
            .selectFrom("map_updates")
            .select(eb.fn.countAll().as("n"))
            .where("map_updates.map_id", "=", mapId)
            .as("pending"),
        ])
        .where("map_states.map_id", "=", mapId)
        .executeTakeFirst();
      if (stored && Number(stored.pending) === 0) return new Uint8Array(stored.state);
      const { doc } = await loadMapDoc(db, mapId);
      try {
        return Y.encodeStateAsUpdate(doc);
      } finally {
        doc.destroy();
      }
    },

    async edit(mapId, edit, origin, options = {}) {
      // Edit a scratch copy first: if `edit` throws nothing reaches the live document or the log, and the update is
      // on disk before anyone (API caller or live editor) sees it. An open map's scratch is the copy collaboration
      // keeps in step with it (no copy of the whole map per edit); a closed map is loaded from the log.
      const open = await live?.get(mapId);
      const scratch = open && live ? live.scratchOf(open) : (await loadMapDoc(db, mapId)).doc;
      const captured: Uint8Array[] = [];
      const onUpdate = (update: Uint8Array) => captured.push(update);
      scratch.on("update", onUpdate);
      let result: ReturnType<typeof edit>;
      try {
        result = edit(scratch);
        const author = options.author ?? /^api:(.+)$/.exec(origin)?.[1] ?? null;
        const also = options.alsoInTransaction;
        if (captured.length > 0 && also) {
          await db.kysely.transaction().execute(async (trx) => {
            await appendMapUpdate({ kysely: trx }, mapId, Y.mergeUpdates(captured), author);
            await also(trx, scratch);
          });
        } else if (captured.length > 0) await appendMapUpdate(db, mapId, Y.mergeUpdates(captured), author);
      } catch (err) {
        if (open && live) live.discardScratchOf(open);
        throw err;
      } finally {
        scratch.off("update", onUpdate);
      }
      const snapshot = docToSnapshot(scratch);
      if (captured.length > 0) {
        // The map may have been opened while we wrote; applying twice is harmless (updates are idempotent).
        await live?.deliver(mapId, Y.mergeUpdates(captured), origin);
        history.noteEdit(mapId);
        await storeSnapshot(mapId, snapshot);
        await compactIfLarge(mapId);
      }
      if (!open) scratch.destroy();
      return { result, snapshot };
    },

    async remove(mapId) {
      live?.closeConnections(mapId);
      snapshots.forget(mapId);
      await db.kysely.transaction().execute(async (trx) => {
        await trx.deleteFrom("map_updates").where("map_id", "=", mapId).execute();
        await trx.deleteFrom("map_update_quarantine").where("map_id", "=", mapId).execute();
        await trx.deleteFrom("map_states").where("map_id", "=", mapId).execute();
        await trx.deleteFrom("maps").where("id", "=", mapId).execute();
      });
    },

    async compact(mapId) {
      await compactMapDocument(db, mapId, { snapshot: true });
    },
  };
  return store;
}
