// Worker-thread side of the SQLite map-log writer (sqliteLogWriter.ts): its own connection to the database file, one
// prepared INSERT, one transaction per group. A commit's fsync blocks this thread, not the server's event loop.
import { parentPort, workerData } from "node:worker_threads";
import SQLite from "better-sqlite3";

/** One map update to append; `update` arrives as a Uint8Array (structured clone drops Buffer). */
export interface LogRow {
  mapId: string;
  update: Uint8Array;
  authorId: string | null;
  createdAt: string;
}

/** A group to write, numbered so the answer finds its caller. */
export interface LogWriteRequest {
  id: number;
  rows: LogRow[];
}

/** Per row: null when stored, else why the database refused it. */
export interface LogWriteAnswer {
  id: number;
  errors: Array<string | null>;
}

const database = new SQLite((workerData as { file: string }).file);
// The same durability as the server's own connection: a commit is on disk before it returns.
database.pragma("journal_mode = WAL");
database.pragma("synchronous = FULL");
database.pragma("foreign_keys = ON");
// The server's connection may hold the write lock for a while (a restore, a long transaction): an edit waits for it
// rather than being refused, and is acknowledged only once written.
database.pragma("busy_timeout = 60000");
const insert = database.prepare(
  'INSERT INTO map_updates (map_id, "update", author_id, created_at) VALUES (?, ?, ?, ?)',
);
const insertAll = database.transaction((rows: LogRow[]) => {
  for (const row of rows)
    insert.run(
      row.mapId,
      Buffer.from(row.update.buffer, row.update.byteOffset, row.update.byteLength),
      row.authorId,
      row.createdAt,
    );
});

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

parentPort?.on("message", ({ id, rows }: LogWriteRequest) => {
  let errors: Array<string | null>;
  try {
    insertAll(rows);
    errors = rows.map(() => null);
  } catch (err) {
    // Nothing of the group was stored. One bad row (say, of a map deleted meanwhile) must not refuse its neighbours:
    // each is written on its own, so only the rows that really cannot be stored are refused.
    errors =
      rows.length === 1
        ? [messageOf(err)]
        : rows.map((row) => {
            try {
              insertAll([row]);
              return null;
            } catch (single) {
              return messageOf(single);
            }
          });
  }
  parentPort!.postMessage({ id, errors } satisfies LogWriteAnswer);
});
