import { existsSync } from "node:fs";
import { join } from "node:path";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import type { JourneyStore } from "./JourneyStore.js";
import { cachedJourneyStore, rememberJourneyStore } from "./journeyStoreCache.js";
import { readJourneyStoreFile } from "./journeyStoreFile.js";
import { JOURNEY_STORE_FILE, rebuildJourneyStore } from "./rebuildJourneyStore.js";

const loading = new WeakMap<EventDatabase, Promise<JourneyStore>>();

/**
 * The journey store of a workspace, read once and cached until the next rebuild. A missing store, or one written in
 * an older format, is rebuilt from the event tables first.
 */
export function loadJourneyStore(db: EventDatabase): Promise<JourneyStore> {
  const cached = cachedJourneyStore(db);
  if (cached) return Promise.resolve(cached);
  // Concurrent callers share one read (or rebuild) instead of each reading the file.
  let pending = loading.get(db);
  if (!pending) {
    pending = readOrRebuild(db).finally(() => loading.delete(db));
    loading.set(db, pending);
  }
  return pending;
}

async function readOrRebuild(db: EventDatabase): Promise<JourneyStore> {
  if (db.dir === ":memory:") return rebuildJourneyStore(db);
  const path = join(db.dir, JOURNEY_STORE_FILE);
  if (existsSync(path)) {
    const read = await readJourneyStoreFile(path);
    if (read) {
      rememberJourneyStore(db, read.store, path, read.stamp);
      return read.store;
    }
  }
  return rebuildJourneyStore(db);
}
