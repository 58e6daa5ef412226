import { statSync } from "node:fs";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import type { JourneyStore } from "./JourneyStore.js";
import type { StoreFileStamp } from "./journeyStoreFile.js";

interface Entry {
  store: JourneyStore;
  /** For a file-backed store: which file it was read from or written to. */
  path?: string;
  stamp?: StoreFileStamp;
}

// Keyed by the open database: a store belongs to one workspace's event tables, and ':memory:' databases have no path.
const entries = new WeakMap<EventDatabase, Entry>();

/** Identity of the file at `path` now, or undefined when there is none. */
export function stampOf(path: string): StoreFileStamp | undefined {
  try {
    const st = statSync(path);
    return { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  }
}

/** Keeps a freshly built or read store for the next metrics call on this database. */
export function rememberJourneyStore(
  db: EventDatabase,
  store: JourneyStore,
  path?: string,
  stamp?: StoreFileStamp,
): void {
  entries.set(db, { store, path, stamp: path ? (stamp ?? stampOf(path)) : undefined });
}

/** The cached store of a database if it is still the current one (for files: the same file is still in place). */
export function cachedJourneyStore(db: EventDatabase): JourneyStore | undefined {
  const entry = entries.get(db);
  if (!entry) return undefined;
  if (!entry.path) return entry.store;
  const now = stampOf(entry.path);
  const same =
    now &&
    entry.stamp &&
    now.ino === entry.stamp.ino &&
    now.size === entry.stamp.size &&
    now.mtimeMs === entry.stamp.mtimeMs;
  return same ? entry.store : undefined;
}
