import type { Db } from "../db/createDb.js";
import { SqliteLogWriter } from "./sqliteLogWriter.js";

interface WaitingUpdate {
  mapId: string;
  update: Uint8Array;
  authorId: string | null;
  receivedAt: string;
  stored: () => void;
  refused: (err: unknown) => void;
}

/** Appends live editors' updates to the map log, many at a time, each one acknowledged only once it is on disk. */
export interface MapUpdateGroupCommit {
  /**
   * Resolves once the update is committed, together with every other update that arrived in the same turn of the
   * event loop (or while the previous group was being written); rejects when it could not be stored.
   */
  append(mapId: string, update: Uint8Array, authorId: string | null): Promise<void>;
  /** Resolves once every update appended so far has been committed or refused. */
  drain(): Promise<void>;
  /** Drains, then stops the writer thread (if any). */
  close(): Promise<void>;
  /** Whether groups are written by a thread of their own (SQLite, compiled build) rather than on the event loop. */
  readonly onThread: boolean;
}

/** Rows per INSERT statement: far below SQLite's and PostgreSQL's limits on bound parameters (four per row). */
const ROWS_PER_STATEMENT = 500;

/**
 * Group commit for the map log (issue 19). A separate commit per update cost one statement, one transaction and one
 * fsync each on the event loop (better-sqlite3 is synchronous); here the updates that arrive in one turn of the loop
 * are written as one multi-row INSERT — one commit — and each sender's promise settles only after that commit
 * returned, so an acknowledgement is never sent for an update that is not yet durable. Groups are written one after
 * another: on PostgreSQL, updates arriving while a group is on the wire form the next group. Compaction is untouched:
 * it deletes exactly the rows it read, so rows committed by a group meanwhile stay in the log. On SQLite the groups
 * are written by a thread of their own (sqliteLogWriter.ts), so a commit's fsync does not stop the event loop.
 */
export function createMapUpdateGroupCommit(db: Pick<Db, "kysely" | "dialect" | "sqliteFile">): MapUpdateGroupCommit {
  let waiting: WaitingUpdate[] = [];
  let writing: Promise<void> | undefined;
  const writer = db.dialect === "sqlite" ? SqliteLogWriter.create(db.sqliteFile) : undefined;

  const commitOnWriter = async (group: WaitingUpdate[], thread: SqliteLogWriter): Promise<void> => {
    let errors: Array<string | null>;
    try {
      errors = await thread.write(
        group.map((u) => ({ mapId: u.mapId, update: u.update, authorId: u.authorId, createdAt: u.receivedAt })),
      );
    } catch (err) {
      for (const update of group) update.refused(err);
      return;
    }
    group.forEach((update, i) => {
      const error = errors[i];
      if (error == null) update.stored();
      else update.refused(new Error(error));
    });
  };

  const insert = async (group: WaitingUpdate[]): Promise<void> => {
    const rows = group.map((u) => ({
      map_id: u.mapId,
      update: Buffer.from(u.update),
      author_id: u.authorId,
      created_at: u.receivedAt,
    }));
    if (rows.length <= ROWS_PER_STATEMENT) {
      // One statement is one atomic commit on both databases: no explicit transaction needed.
      await db.kysely.insertInto("map_updates").values(rows).execute();
      return;
    }
    await db.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
        await trx
          .insertInto("map_updates")
          .values(rows.slice(i, i + ROWS_PER_STATEMENT))
          .execute();
      }
    });
  };

  const commit = async (group: WaitingUpdate[]): Promise<void> => {
    if (writer) return commitOnWriter(group, writer);
    try {
      await insert(group);
    } catch (err) {
      if (group.length === 1) return group[0]!.refused(err);
      // Nothing of the group was stored. One bad row (say, of a map deleted meanwhile) must not refuse its neighbours:
      // write each on its own, so only the updates that really cannot be stored are refused.
      for (const update of group) {
        try {
          await insert([update]);
          update.stored();
        } catch (single) {
          update.refused(single);
        }
      }
      return;
    }
    for (const update of group) update.stored();
  };

  const writeGroups = async (): Promise<void> => {
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      await commit(group);
    }
    writing = undefined;
  };

  return {
    onThread: writer !== undefined,
    append(mapId, update, authorId) {
      return new Promise<void>((stored, refused) => {
        waiting.push({ mapId, update, authorId, receivedAt: new Date().toISOString(), stored, refused });
        // setImmediate runs after the loop has read every socket that was ready: those updates join this group.
        writing ??= new Promise<void>((r) => setImmediate(r)).then(writeGroups);
      });
    },
    async drain() {
      while (writing) await writing;
    },
    async close() {
      while (writing) await writing;
      await writer?.close();
    },
  };
}
