import { docToSnapshot, type MapSnapshot } from "@opencjm/core";
import * as Y from "yjs";
import type { Db } from "../db/createDb.js";
import { loadMapDoc } from "./mapUpdateLog.js";
import { snapshotFormat } from "./snapshotFormat.js";

/** How many closed maps keep their last read snapshot in memory. */
const STORED_MAPS_KEPT = 8;

/** Freezes a snapshot all the way down, so a reader that would change a shared copy fails instead of corrupting it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Read snapshots of maps, computed once per state of the map. Opening a map asks for its snapshot from several
 * requests at once (the map, its research, ideas, threads), and turning a 40 × 20 map into a snapshot costs about as
 * much as loading it: without this each request loaded and converted the map again on the event loop, in the way of
 * the socket that opens it. The snapshots handed out are frozen and shared.
 *
 * - An open map's snapshot is kept until its document changes.
 * - A closed map's is keyed by where its log stands (the compacted state's last update, time and size, the log's last
 *   id and length), read in two indexed queries; concurrent reads of the same state share one load.
 */
export class MapSnapshotCache {
  private readonly ofLive = new WeakMap<Y.Doc, MapSnapshot>();
  private readonly watched = new WeakSet<Y.Doc>();
  private readonly ofStored = new Map<string, { key: string; snapshot: Promise<MapSnapshot> }>();

  constructor(private readonly db: Db) {}

  /** The snapshot of a document as it is now (an open map's, or any document kept in step with one). */
  ofDocument(doc: Y.Doc): MapSnapshot {
    let snapshot = this.ofLive.get(doc);
    if (!snapshot) {
      snapshot = deepFreeze(docToSnapshot(doc));
      this.keep(doc, snapshot);
    }
    return snapshot;
  }

  /**
   * Takes `json` as the snapshot of `doc` as it is now: the snapshot stored with the state the document was just
   * loaded from (mapUpdateLog.ts says when it is exactly that), so opening a map does not build it again.
   */
  adopt(doc: Y.Doc, json: string): void {
    this.keep(doc, deepFreeze(JSON.parse(json) as MapSnapshot));
  }

  private keep(doc: Y.Doc, snapshot: MapSnapshot): void {
    this.ofLive.set(doc, snapshot);
    if (!this.watched.has(doc)) {
      this.watched.add(doc);
      doc.on("update", () => this.ofLive.delete(doc));
    }
  }

  /** The snapshot of a map that is not open, from the database. */
  async ofStoredMap(mapId: string): Promise<MapSnapshot> {
    const key = await this.logPosition(mapId);
    const kept = this.ofStored.get(mapId);
    if (kept && kept.key === key) {
      // Most recently used last, so the oldest is dropped first.
      this.ofStored.delete(mapId);
      this.ofStored.set(mapId, kept);
      return kept.snapshot;
    }
    const snapshot = this.load(mapId);
    this.ofStored.delete(mapId);
    this.ofStored.set(mapId, { key, snapshot });
    // A failed load is not kept: the next read tries again.
    snapshot.catch(() => {
      if (this.ofStored.get(mapId)?.snapshot === snapshot) this.ofStored.delete(mapId);
    });
    while (this.ofStored.size > STORED_MAPS_KEPT) this.ofStored.delete(this.ofStored.keys().next().value!);
    return snapshot;
  }

  /** Forgets a map's kept snapshot (it was deleted). */
  forget(mapId: string): void {
    this.ofStored.delete(mapId);
  }

  private async load(mapId: string): Promise<MapSnapshot> {
    // The snapshot stored with the compacted state when nothing is logged after it: no document to build at all.
    const stored = await this.db.kysely
      .selectFrom("map_states")
      .select((eb) => [
        "snapshot",
        "snapshot_format",
        eb
          .selectFrom("map_updates")
          .select(eb.fn.countAll().as("n"))
          .where("map_updates.map_id", "=", mapId)
          .as("pending"),
      ])
      .where("map_states.map_id", "=", mapId)
      .executeTakeFirst();
    if (stored?.snapshot && stored.snapshot_format === snapshotFormat() && Number(stored.pending) === 0)
      return deepFreeze(JSON.parse(stored.snapshot) as MapSnapshot);
    const { doc, storedSnapshot } = await loadMapDoc(this.db, mapId, new Y.Doc(), { storedSnapshot: true });
    try {
      return deepFreeze(storedSnapshot ? (JSON.parse(storedSnapshot) as MapSnapshot) : docToSnapshot(doc));
    } finally {
      doc.destroy();
    }
  }

  private async logPosition(mapId: string): Promise<string> {
    const state = await this.db.kysely
      .selectFrom("map_states")
      .select((eb) => ["last_update_id", "updated_at", eb.fn<number>("length", ["state"]).as("bytes")])
      .where("map_id", "=", mapId)
      .executeTakeFirst();
    const log = await this.db.kysely
      .selectFrom("map_updates")
      .select((eb) => [eb.fn.max("id").as("last"), eb.fn.countAll<number>().as("n")])
      .where("map_id", "=", mapId)
      .executeTakeFirst();
    return [state?.last_update_id, state?.updated_at, state?.bytes, log?.last, log?.n]
      .map((v) => String(v ?? "-"))
      .join("|");
  }
}
