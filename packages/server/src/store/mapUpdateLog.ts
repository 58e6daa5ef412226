import * as Y from "yjs";
import type { Db } from "../db/createDb.js";

/** Appends one Yjs update in its own committed transaction; when this resolves the update is on disk. */
export async function appendMapUpdate(db: Db, mapId: string, update: Uint8Array): Promise<void> {
  await db.kysely.insertInto("map_updates").values({ map_id: mapId, update: Buffer.from(update), created_at: new Date().toISOString() }).execute();
}

/**
 * Rebuilds a map's Yjs document: the compacted state plus every update row still in the log. All remaining rows are
 * applied, not only those above `last_update_id`: on PostgreSQL a row with a lower id can commit after a compaction
 * read the log, and compaction deletes exactly the rows it folded, so whatever is left is unfolded.
 */
export async function loadMapDoc(db: Db, mapId: string, doc: Y.Doc = new Y.Doc()): Promise<{ doc: Y.Doc; pendingUpdates: number }> {
  const state = await db.kysely.selectFrom("map_states").select("state").where("map_id", "=", mapId).executeTakeFirst();
  const updates = await db.kysely.selectFrom("map_updates").select("update").where("map_id", "=", mapId).orderBy("id").execute();
  doc.transact(() => {
    if (state) Y.applyUpdate(doc, new Uint8Array(state.state));
    for (const row of updates) Y.applyUpdate(doc, new Uint8Array(row.update));
  }, "load");
  return { doc, pendingUpdates: updates.length };
}

/** How many updates wait in the log of a map. */
export async function countMapUpdates(db: Db, mapId: string): Promise<number> {
  const row = await db.kysely.selectFrom("map_updates").select((eb) => eb.fn.countAll<number>().as("n")).where("map_id", "=", mapId).executeTakeFirst();
  return Number(row?.n ?? 0);
}
