import type { EventDatabase } from "./openEventDatabase.js";

// Imports and source deletions rewrite the stitched tables as a whole, so two at once on one workspace would race;
// they queue here instead. Readers are not blocked (DuckDB gives them the last committed state).
const tails = new WeakMap<EventDatabase, Promise<unknown>>();

/** Runs `work` after every earlier writer on this event database has finished (failed or not). */
export function withWriteLock<T>(db: EventDatabase, work: () => Promise<T>): Promise<T> {
  const before = tails.get(db) ?? Promise.resolve();
  const run = before.then(work, work);
  tails.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}
