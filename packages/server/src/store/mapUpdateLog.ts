import * as Y from "yjs";
import type { Db } from "../db/createDb.js";
import { unreadableUpdateReason } from "./readableUpdate.js";
import { snapshotFormat } from "./snapshotFormat.js";

/**
 * Appends one Yjs update in its own committed transaction (or in the caller's, given as `{ kysely: trx }`); when this
 * resolves the update is on disk. `authorId` is who sent it, for the map's version history.
 */
export async function appendMapUpdate(
  db: Pick<Db, "kysely">,
  mapId: string,
  update: Uint8Array,
  authorId: string | null = null,
): Promise<void> {
  await db.kysely
    .insertInto("map_updates")
    .values({ map_id: mapId, update: Buffer.from(update), author_id: authorId, created_at: new Date().toISOString() })
    .execute();
}

/**
 * Rebuilds a map's Yjs document: the compacted state plus every update row still in the log. All remaining rows are
 * applied, not only those above `last_update_id`: on PostgreSQL a row with a lower id can commit after a compaction
 * read the log, and compaction deletes exactly the rows it folded, so whatever is left is unfolded. A row that cannot
 * be read is skipped and reported (`skipped`, and a line in the log) instead of making the whole map unreadable;
 * the next compaction moves it to the quarantine table. `doc` must be empty.
 */
export async function loadMapDoc(
  db: Db,
  mapId: string,
  doc: Y.Doc = new Y.Doc(),
  options: { storedSnapshot?: boolean } = {},
): Promise<{
  doc: Y.Doc;
  pendingUpdates: number;
  skipped: Array<{ id: number; reason: string }>;
  /** With `storedSnapshot`: the snapshot stored with the state, as JSON, when it is exactly the loaded document's. */
  storedSnapshot?: string;
}> {
  // The log before the state: a compaction committing between the two reads then folds rows this load has already
  // read into the state it reads next (applying an update twice changes nothing). The other way round, its rows
  // would be gone from the log and missing from the older state.
  const updates = await db.kysely
    .selectFrom("map_updates")
    .select(["id", "update"])
    .where("map_id", "=", mapId)
    .orderBy("id")
    .execute();
  const state = await db.kysely
    .selectFrom("map_states")
    .select(options.storedSnapshot ? ["state", "snapshot", "snapshot_format"] : ["state"])
    .where("map_id", "=", mapId)
    .executeTakeFirst();
  const skipped: Array<{ id: number; reason: string }> = [];
  doc.transact(() => {
    if (state) Y.applyUpdate(doc, new Uint8Array(state.state));
    for (const row of updates) {
      const update = new Uint8Array(row.update);
      const reason = unreadableUpdateReason(update);
      if (reason) skipped.push({ id: row.id, reason });
      else Y.applyUpdate(doc, update);
    }
  }, "load");
  if (skipped.length > 0)
    console.error(
      `map ${mapId}: skipped ${skipped.length} unreadable update(s) (${skipped.map((s) => `#${s.id}: ${s.reason}`).join("; ")}); compaction will quarantine them`,
    );
  // Only a document that is the stored state alone, read by the code that made its snapshot, may take that snapshot.
  const stored = state as { snapshot?: string | null; snapshot_format?: string | null } | undefined;
  const storedSnapshot =
    updates.length === 0 && stored?.snapshot && stored.snapshot_format === snapshotFormat()
      ? stored.snapshot
      : undefined;
  return { doc, pendingUpdates: updates.length, skipped, storedSnapshot };
}

/** How many updates wait in the log of a map. */
export async function countMapUpdates(db: Db, mapId: string): Promise<number> {
  const row = await db.kysely
    .selectFrom("map_updates")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("map_id", "=", mapId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
