import { docToSnapshot, replaceDocContent, type MapSnapshot } from "@opencjm/core";
import type { Kysely } from "kysely";
import * as Y from "yjs";
import type { Db } from "../db/createDb.js";
import type { Database } from "../db/schema.js";
import { notFound } from "../errors/DomainError.js";
import { withDocumentLock } from "./compactMapDocument.js";
import { findMapVersion, insertMapVersion, latestMapVersion, type StoredVersion } from "./mapVersionStore.js";

/** When automatic checkpoints are taken. */
export interface CheckpointTiming {
  /** A checkpoint is taken this long after the last edit of a map… */
  pauseMs: number;
  /** …or this long after the first edit no checkpoint has covered yet, while editing goes on. */
  everyMs: number;
}

/** The store's edit, with the hook a restore uses to record its version in the same transaction as its update. */
type Edit = (
  mapId: string,
  edit: (doc: Y.Doc) => void,
  origin: string,
  options: { author: string; alsoInTransaction: (trx: Kysely<Database>, doc: Y.Doc) => Promise<void> },
) => Promise<{ snapshot: MapSnapshot }>;

/** A map's document to read from: the live one (nothing to release) or one loaded from the log. */
type CurrentDoc = (mapId: string) => Promise<{ doc: Y.Doc; release(): void }>;

/** Version history of maps: automatic checkpoints while a map is edited, named versions and restores. */
export interface MapCheckpoints {
  /** Someone changed the map: a checkpoint follows after a pause, or after `everyMs` of continuous editing. */
  noteEdit(mapId: string): void;
  /**
   * Records the map as it is now. An automatic checkpoint is skipped (undefined) when the map's content equals the
   * newest version's, so there are never more versions than the edits warrant; a named version is always recorded.
   */
  checkpoint(mapId: string, options?: { name?: string; createdBy?: string }): Promise<StoredVersion | undefined>;
  /**
   * Moves the map back to a version as one new change (appended like any edit, so collaborators see it at once and
   * it can be undone or restored away). The map as it was is checkpointed first; the restore's update and its
   * "restored" version are committed in one transaction, so an interrupted restore leaves the map before or after.
   */
  restore(
    mapId: string,
    versionId: string,
    userId: string,
  ): Promise<{ version: StoredVersion | undefined; snapshot: MapSnapshot }>;
  /** Takes the pending automatic checkpoint of a map now (everyone left it). */
  flush(mapId: string): Promise<void>;
  /** Takes every pending checkpoint and stops the timers (the server is stopping). */
  close(): Promise<void>;
}

/** Creates the checkpointer over the database, the store's edit and its way to the current document. */
export function createMapCheckpoints(
  db: Db,
  timing: CheckpointTiming,
  edit: Edit,
  currentDoc: CurrentDoc,
): MapCheckpoints {
  const pending = new Map<string, { firstEditAt: number; timer: NodeJS.Timeout }>();

  const record = async (
    mapId: string,
    options: { name?: string; createdBy?: string },
  ): Promise<StoredVersion | undefined> => {
    const { doc, release } = await currentDoc(mapId);
    let state: Uint8Array;
    let snapshotJson: string;
    try {
      state = Y.encodeStateAsUpdate(doc);
      snapshotJson = JSON.stringify(docToSnapshot(doc));
    } finally {
      release();
    }
    return db.kysely.transaction().execute(async (trx) => {
      const map = await trx.selectFrom("maps").select("id").where("id", "=", mapId).executeTakeFirst();
      if (!map) return undefined;
      const latest = await latestMapVersion(trx, mapId);
      if (options.name === undefined && latest?.snapshot === snapshotJson) return undefined;
      return insertMapVersion(
        trx,
        {
          mapId,
          kind: options.name === undefined ? "auto" : "named",
          name: options.name ?? null,
          state,
          snapshotJson,
          createdBy: options.createdBy ?? null,
        },
        latest?.coveredUpdateId ?? 0,
      );
    });
  };

  const checkpoint: MapCheckpoints["checkpoint"] = (mapId, options = {}) => {
    const entry = pending.get(mapId);
    if (entry) {
      clearTimeout(entry.timer);
      pending.delete(mapId);
    }
    return withDocumentLock(`versions:${mapId}`, () => record(mapId, options));
  };

  const runPending = (mapId: string) => {
    pending.delete(mapId);
    checkpoint(mapId).catch((err: unknown) =>
      console.error(`could not checkpoint map ${mapId}:`, err instanceof Error ? err.message : err),
    );
  };

  return {
    noteEdit(mapId) {
      const now = Date.now();
      const entry = pending.get(mapId);
      if (entry) clearTimeout(entry.timer);
      const firstEditAt = entry?.firstEditAt ?? now;
      const delay = Math.max(0, Math.min(timing.pauseMs, firstEditAt + timing.everyMs - now));
      const timer = setTimeout(() => runPending(mapId), delay);
      timer.unref();
      pending.set(mapId, { firstEditAt, timer });
    },

    checkpoint,

    restore(mapId, versionId, userId) {
      return withDocumentLock(`versions:${mapId}`, async () => {
        const target = await findMapVersion(db, mapId, versionId);
        if (!target) throw notFound("version");
        // The map as it is now becomes a version first, so the restore can itself be restored away.
        await record(mapId, {});
        const source = new Y.Doc();
        Y.applyUpdate(source, target.state);
        let version: StoredVersion | undefined;
        try {
          const { snapshot } = await edit(mapId, (doc) => replaceDocContent(doc, source), `restore:${userId}`, {
            author: userId,
            alsoInTransaction: async (trx, doc) => {
              const latest = await latestMapVersion(trx, mapId);
              version = await insertMapVersion(
                trx,
                {
                  mapId,
                  kind: "restored",
                  state: Y.encodeStateAsUpdate(doc),
                  snapshotJson: JSON.stringify(docToSnapshot(doc)),
                  restoredFrom: target.id,
                  createdBy: userId,
                },
                latest?.coveredUpdateId ?? 0,
              );
            },
          });
          return { version, snapshot };
        } finally {
          source.destroy();
        }
      });
    },

    async flush(mapId) {
      if (pending.has(mapId)) await checkpoint(mapId);
    },

    async close() {
      const maps = [...pending.keys()];
      for (const mapId of maps) {
        try {
          await checkpoint(mapId);
        } catch (err) {
          console.error(`could not checkpoint map ${mapId}:`, err instanceof Error ? err.message : err);
        }
      }
    },
  };
}
