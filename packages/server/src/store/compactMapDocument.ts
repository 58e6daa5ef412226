import { docToSnapshot } from "@opencjm/core";
import type { Kysely } from "kysely";
import * as Y from "yjs";
import type { Db } from "../db/createDb.js";
import type { Database } from "../db/schema.js";
import { lockAcrossInstances } from "./crossInstanceLock.js";
import { carryFoldedAuthors } from "./mapVersionStore.js";
import { unreadableUpdateReason } from "./readableUpdate.js";
import { snapshotFormat } from "./snapshotFormat.js";

const locks = new Map<string, Promise<void>>();

/** Runs `work` after any earlier work on the same key has finished (an in-process per-document lock). */
export async function withDocumentLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  let release!: () => void;
  const current = new Promise<void>((r) => (release = r));
  const chained = previous.then(() => current);
  locks.set(key, chained);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (locks.get(key) === chained) locks.delete(key);
  }
}

/**
 * Folds the logged updates of a map into its compacted state. Under the document lock (in this process and, on
 * PostgreSQL, across instances) and inside one transaction it reads the state and the log, merges them, writes the new
 * state and deletes exactly the rows it read — so an update appended meanwhile (not read) stays in the log and is never
 * dropped. Rows that cannot be read are moved to
 * `map_update_quarantine` in the same transaction rather than failing the compaction (and with it the map). Versions
 * are untouched: each holds its own state.
 *
 * With `snapshot` (the compaction after everyone left a map), the new state's read snapshot is stored beside it, so
 * the next opening or export of the map need not build it again (mapSnapshotCache.ts); the state of a map left as it
 * was gets one too if it has none. Without (the compactions while people edit, kept short), a new state has none.
 */
export async function compactMapDocument(
  db: Db,
  mapId: string,
  options: { snapshot?: boolean } = {},
): Promise<{ folded: number; quarantined: number }> {
  return withDocumentLock(`compact:${mapId}`, () =>
    db.kysely.transaction().execute(async (trx) => {
      // The in-process lock orders this instance's compactions; this one orders every instance's.
      await lockAcrossInstances(trx, db.dialect, `compact:${mapId}`);
      const read = await trx
        .selectFrom("map_updates")
        .select(["id", "update", "author_id", "created_at"])
        .where("map_id", "=", mapId)
        .orderBy("id")
        .execute();
      if (read.length === 0) {
        if (options.snapshot) await snapshotStoredState(trx, mapId);
        return { folded: 0, quarantined: 0 };
      }
      const now = new Date().toISOString();
      const rows: typeof read = [];
      let quarantined = 0;
      for (const row of read) {
        const reason = unreadableUpdateReason(new Uint8Array(row.update));
        if (!reason) {
          rows.push(row);
          continue;
        }
        await trx
          .insertInto("map_update_quarantine")
          .values({
            update_id: row.id,
            map_id: mapId,
            update: row.update,
            reason,
            created_at: row.created_at,
            quarantined_at: now,
          })
          .execute();
        await trx.deleteFrom("map_updates").where("id", "=", row.id).execute();
        quarantined += 1;
      }
      if (rows.length === 0) return { folded: 0, quarantined };
      const state = await trx.selectFrom("map_states").select("state").where("map_id", "=", mapId).executeTakeFirst();
      const parts = rows.map((r) => new Uint8Array(r.update));
      if (state) parts.unshift(new Uint8Array(state.state));
      // Applying to a doc (rather than Y.mergeUpdates) also garbage-collects deleted content. One transaction for all
      // the parts, as a load does: a transaction per part computed the document's state vector twice each (a map of
      // every client that ever edited), which made a compaction of 500 rows of the 100-editor bench's map 5x slower.
      const doc = new Y.Doc();
      doc.transact(() => {
        for (const part of parts) Y.applyUpdate(doc, part);
      });
      const merged = Buffer.from(Y.encodeStateAsUpdate(doc));
      const snapshot = options.snapshot ? storedSnapshotOf(doc) : { snapshot: null, snapshot_format: null };
      doc.destroy();
      const lastId = rows[rows.length - 1]!.id;
      const written = { state: merged, last_update_id: lastId, updated_at: now, ...snapshot };
      await trx
        .insertInto("map_states")
        .values({ map_id: mapId, ...written })
        .onConflict((oc) => oc.column("map_id").doUpdateSet(written))
        .execute();
      // Who made the folded edits stays known until a version records them (versions keep their own state, so
      // folding never removes what a version needs).
      await carryFoldedAuthors(trx, mapId, rows);
      const ids = rows.map((r) => r.id);
      for (let i = 0; i < ids.length; i += 500) {
        await trx
          .deleteFrom("map_updates")
          .where("id", "in", ids.slice(i, i + 500))
          .execute();
      }
      return { folded: rows.length, quarantined };
    }),
  );
}

/** The columns that store a document's read snapshot beside its state. */
function storedSnapshotOf(doc: Y.Doc): { snapshot: string; snapshot_format: string } {
  return { snapshot: JSON.stringify(docToSnapshot(doc)), snapshot_format: snapshotFormat() };
}

/** Stores the read snapshot of a map's state when it has none made by this code (a state from before they were kept). */
async function snapshotStoredState(trx: Kysely<Database>, mapId: string): Promise<void> {
  const stored = await trx
    .selectFrom("map_states")
    .select(["state", "snapshot_format"])
    .where("map_id", "=", mapId)
    .executeTakeFirst();
  if (!stored || stored.snapshot_format === snapshotFormat()) return;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(stored.state));
  const snapshot = storedSnapshotOf(doc);
  doc.destroy();
  await trx.updateTable("map_states").set(snapshot).where("map_id", "=", mapId).execute();
}
