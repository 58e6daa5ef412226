// Worker-thread side of the SQLite map-log writer (sqliteLogWriter.ts): its own connection to the database file, one
// prepared INSERT, one transaction per group. A commit's fsync, or a wait for the write lock, blocks this thread, not
// the server's event loop.
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { openLogConnection, type LogRow } from "./sqliteLogWriterConnection.js";

/** A group to write, numbered so the answer finds its caller. */
export interface LogWriteRequest {
  id: number;
  rows: LogRow[];
}

/** Per row: null when stored, else why the database refused it; and how long the commit took, in ms. */
export interface LogWriteAnswer {
  id: number;
  errors: Array<string | null>;
  commitMs: number;
}

// The server's connection may hold the write lock for a while (a restore, a long transaction): an edit waits for it
// rather than being refused, and is acknowledged only once written.
const connection = openLogConnection((workerData as { file: string }).file, 60_000);

parentPort?.on("message", ({ id, rows }: LogWriteRequest) => {
  const startedAt = performance.now();
  let errors: Array<string | null>;
  try {
    errors = connection.write(rows);
  } catch (err) {
    // Still busy after a minute: refused, never acknowledged (the editor's client keeps the change and sends it again).
    const message = err instanceof Error ? err.message : String(err);
    errors = rows.map(() => message);
  }
  parentPort!.postMessage({ id, errors, commitMs: performance.now() - startedAt } satisfies LogWriteAnswer);
});
