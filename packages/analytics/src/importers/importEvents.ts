import { basename } from "node:path";
import { newId } from "@opencjm/core";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { withWriteLock } from "../engines/duckdb/writeLock.js";
import { cancelledError, recordEarlyCancellation } from "./cancelledImport.js";
import type { ImportEventsOptions, ImportResult } from "./ImportEventsOptions.js";
import { runImport } from "./runImport.js";

export type { ImportEventsOptions, ImportResult } from "./ImportEventsOptions.js";

/**
 * Imports one file of events into a workspace's event store, all or nothing: detect format and encoding, decode,
 * read and parse every row in one DuckDB pass, check it (refusing the file at the first bad row, named with its
 * column, unless skipBadRows sets such rows aside), restitch identities over every source, then store the events,
 * identities, customers and merge log in one transaction, and rebuild the journey store. A failure leaves only a
 * `failed` entry in the import history. Imports into one workspace run one at a time; one cancelled while it waits
 * for its turn leaves the queue at once.
 */
export function importEvents(db: EventDatabase, options: ImportEventsOptions): Promise<ImportResult> {
  const o = { ...options, importId: options.importId ?? newId("imp_") };
  const signal = o.signal;
  const queue = { started: false, left: false };
  const run = withWriteLock(db, () => {
    if (queue.left) return Promise.reject(cancelledError(signal, o.fileName ?? basename(o.path)));
    queue.started = true;
    return runImport(db, o);
  });
  if (!signal) return run;
  return new Promise<ImportResult>((resolve, reject) => {
    const leave = () => {
      if (queue.started) return; // runImport stops itself (see its abort handling)
      queue.left = true;
      const error = cancelledError(signal, o.fileName ?? basename(o.path));
      recordEarlyCancellation(db, o, error).then(() => reject(error), reject);
    };
    if (signal.aborted) leave();
    else signal.addEventListener("abort", leave, { once: true });
    run
      .then(resolve, (err: unknown) => queue.left || reject(err))
      .finally(() => signal.removeEventListener("abort", leave));
  });
}
