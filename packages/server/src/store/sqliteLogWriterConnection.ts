import SQLite from "better-sqlite3";

/** One map update to append; `update` arrives as a Uint8Array (structured clone drops Buffer). */
export interface LogRow {
  mapId: string;
  update: Uint8Array;
  authorId: string | null;
  createdAt: string;
}

/** A connection of the map-log writer's own: one prepared INSERT, one transaction per group. */
export interface LogConnection {
  /**
   * Writes the rows in one transaction (or, if that fails, each on its own); per row, null or the refusal's message.
   * Throws only SQLITE_BUSY, when the write lock is held elsewhere and the connection may not wait for it.
   */
  write(rows: LogRow[]): Array<string | null>;
  close(): void;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Whether `err` is SQLite saying another connection holds the lock (nothing of the group was written). */
export function isBusy(err: unknown): boolean {
  return err instanceof SQLite.SqliteError && err.code.startsWith("SQLITE_BUSY");
}

/**
 * Opens `file` with the durability of the server's own connection (WAL, synchronous=FULL: a commit is on disk before
 * it returns). `busyTimeoutMs` is how long a write waits for a lock held by another connection: the writer thread can
 * wait; the event loop must not, since the holder may be the server's own transaction, which cannot finish while the
 * loop waits.
 */
export function openLogConnection(file: string, busyTimeoutMs: number): LogConnection {
  const database = new SQLite(file);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  database.pragma(`busy_timeout = ${busyTimeoutMs}`);
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
  return {
    write(rows) {
      try {
        // IMMEDIATE: the write lock is taken at BEGIN, so a busy database fails the group before any row is written.
        insertAll.immediate(rows);
        return rows.map(() => null);
      } catch (err) {
        if (isBusy(err)) throw err;
        if (rows.length === 1) return [messageOf(err)];
      }
      // Nothing of the group was stored. One bad row (say, of a map deleted meanwhile) must not refuse its neighbours:
      // each is written on its own, so only the rows that really cannot be stored are refused.
      return rows.map((row) => {
        try {
          insertAll.immediate([row]);
          return null;
        } catch (single) {
          // Busy between two rows (another connection took the lock in that instant): the caller writes the whole
          // group elsewhere, and rows already written here are written twice, which Yjs applies as one.
          if (isBusy(single)) throw single;
          return messageOf(single);
        }
      });
    },
    close: () => database.close(),
  };
}
