import { docToSnapshot } from "@opencjm/core";
import type { Kysely } from "kysely";
import * as Y from "yjs";
import type { Db } from "../db/createDb.js";
import type { Database } from "../db/schema.js";
import { lockAcrossInstances } from "./crossInstanceLock.js";
import { mergeMapStateOffLoop } from "./mapStateMerger.js";
import { carryFoldedAuthors } from "./mapVersionStore.js";
import type { MergedMapState } from "./mergeMapState.js";
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

/** What a compaction read: the log's rows (readable or not) and the compacted state they go on. */
interface ReadLog {
  rows: LogRow[];
  unreadable: Array<{ row: LogRow; reason: string }>;
  state: { state: Buffer; last_update_id: number; updated_at: string } | undefined;
}

type LogRow = { id: number; update: Buffer; author_id: string | null; created_at: string };

/**
 * Folds the logged updates of a map into its compacted state. Under the document lock (in this process and, on
 * PostgreSQL, across instances) and inside one transaction it writes the new state and deletes exactly the rows it
 * folded — so an update appended meanwhile (not read) stays in the log and is never dropped. Rows that cannot be read
 * are moved to `map_update_quarantine` in the same transaction rather than failing the compaction (and with it the
 * map). Versions are untouched: each holds its own state.
 *
 * The log and state are read, and folded on a thread of their own (mapStateMerger.ts), before the transaction: folding
 * 500 rows inside it held SQLite's write lock, and the event loop, for 20–50 ms, during which live editors' updates
 * could not be committed (issue 19). The transaction then checks that what was read is still the map's state and log
 * (no other compaction committed meanwhile: the state row is the same and every row read is still there) before it
 * writes; if not, it reads and folds again under the lock, as before.
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
  const withSnapshot = options.snapshot ?? false;
  return withDocumentLock(`compact:${mapId}`, async () => {
    const early = await readLog(db.kysely, mapId);
    const merged = early.rows.length > 0 ? await fold(early, withSnapshot) : undefined;
    return db.kysely.transaction().execute(async (trx) => {
      // The in-process lock orders this instance's compactions; this one orders every instance's.
      await lockAcrossInstances(trx, db.dialect, `compact:${mapId}`);
      if (merged && (await stillCurrent(trx, mapId, early))) return write(trx, mapId, early, merged);
      const read = await readLog(trx, mapId);
      if (read.rows.length === 0) {
        if (withSnapshot && read.unreadable.length === 0) await snapshotStoredState(trx, mapId);
        return write(trx, mapId, read, undefined);
      }
      return write(trx, mapId, read, await fold(read, withSnapshot));
    });
  });
}

/** Reads a map's log and then its state (in that order: see loadMapDoc), sorting out the rows that cannot be read. */
async function readLog(kysely: Kysely<Database>, mapId: string): Promise<ReadLog> {
  const read = await kysely
    .selectFrom("map_updates")
    .select(["id", "update", "author_id", "created_at"])
    .where("map_id", "=", mapId)
    .orderBy("id")
    .execute();
  const state = await kysely
    .selectFrom("map_states")
    .select(["state", "last_update_id", "updated_at"])
    .where("map_id", "=", mapId)
    .executeTakeFirst();
  const rows: LogRow[] = [];
  const unreadable: ReadLog["unreadable"] = [];
  for (const row of read) {
    const reason = unreadableUpdateReason(new Uint8Array(row.update));
    if (reason) unreadable.push({ row, reason });
    else rows.push(row);
  }
  return { rows, unreadable, state };
}

function fold(read: ReadLog, withSnapshot: boolean): Promise<MergedMapState> {
  const parts = read.rows.map((r) => new Uint8Array(r.update));
  if (read.state) parts.unshift(new Uint8Array(read.state.state));
  return mergeMapStateOffLoop(parts, withSnapshot);
}

/**
 * Whether the state and rows read before the lock are still the map's: no compaction committed since (it would have
 * written a new state row and deleted rows it folded, which include every row read here that was in the log before
 * it read it). Rows appended since are not read and stay in the log.
 */
async function stillCurrent(trx: Kysely<Database>, mapId: string, read: ReadLog): Promise<boolean> {
  const state = await trx
    .selectFrom("map_states")
    .select(["last_update_id", "updated_at"])
    .where("map_id", "=", mapId)
    .executeTakeFirst();
  if (state?.last_update_id !== read.state?.last_update_id || state?.updated_at !== read.state?.updated_at)
    return false;
  const ids = [...read.rows, ...read.unreadable.map((u) => u.row)].map((r) => r.id);
  let present = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const found = await trx
      .selectFrom("map_updates")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("map_id", "=", mapId)
      .where("id", "in", ids.slice(i, i + 500))
      .executeTakeFirst();
    present += Number(found?.n ?? 0);
  }
  return present === ids.length;
}

/** Quarantines the unreadable rows, writes the folded state and deletes exactly the rows folded into it. */
async function write(
  trx: Kysely<Database>,
  mapId: string,
  read: ReadLog,
  merged: MergedMapState | undefined,
): Promise<{ folded: number; quarantined: number }> {
  const now = new Date().toISOString();
  for (const { row, reason } of read.unreadable) {
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
  }
  const quarantined = read.unreadable.length;
  if (!merged || read.rows.length === 0) return { folded: 0, quarantined };
  const rows = read.rows;
  const written = {
    state: Buffer.from(merged.state),
    last_update_id: rows[rows.length - 1]!.id,
    updated_at: now,
    snapshot: merged.snapshot,
    snapshot_format: merged.snapshot === null ? null : snapshotFormat(),
  };
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
