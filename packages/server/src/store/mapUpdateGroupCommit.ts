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
   * Resolves once the update is committed: at once and on its own when nothing else waits and the SQLite disk is
   * fast, else together with every other update that arrived in the same turn of the event loop (or while the
   * previous group was being written); rejects when it could not be stored.
   */
  append(mapId: string, update: Uint8Array, authorId: string | null): Promise<void>;
  /** Resolves once every update appended so far has been committed or refused. */
  drain(): Promise<void>;
  /** Drains, then stops the writer thread (if any). */
  close(): Promise<void>;
  /** Whether groups are written by a thread of their own (SQLite, compiled build) rather than on the event loop. */
  readonly onThread: boolean;
}

/** Updates committed one by one, as they arrive, in one turn of the event loop; the rest of the turn's are grouped. */
const SINGLE_COMMITS_PER_TURN = 4;

/** Rows per INSERT statement: far below SQLite's and PostgreSQL's limits on bound parameters (four per row). */
const ROWS_PER_STATEMENT = 500;

/**
 * Group commit for the map log (issue 19). A separate commit per update cost one statement, one transaction and one
 * fsync each on the event loop (better-sqlite3 is synchronous); here the updates that arrive in one turn of the loop
 * are written as one multi-row INSERT — one commit — and each sender's promise settles only after that commit
 * returned, so an acknowledgement is never sent for an update that is not yet durable. Groups are written one after
 * another: on PostgreSQL, updates arriving while a group is on the wire form the next group. Compaction is untouched:
 * it deletes exactly the rows it read, so rows committed by a group meanwhile stay in the log. On SQLite
 * (sqliteLogWriter.ts) an update that finds nothing queued is committed on the spot, on the event loop, while commits
 * are fast (a few tenths of a millisecond with the fsync): waiting for the end of the turn and for a thread hop made
 * each edit wait behind the broadcasts of others, and then broadcast in a burst. Groups, and every commit while the
 * disk is slow or the write lock is held elsewhere, go to a thread of their own, so the event loop never waits long.
 */
export function createMapUpdateGroupCommit(db: Pick<Db, "kysely" | "dialect" | "sqliteFile">): MapUpdateGroupCommit {
  let waiting: WaitingUpdate[] = [];
  let writing: Promise<void> | undefined;
  /** Updates committed singly in this turn of the loop. */
  let singleCommits = 0;
  const writer = db.dialect === "sqlite" ? SqliteLogWriter.create(db.sqliteFile) : undefined;

  const settle = (group: WaitingUpdate[], errors: Array<string | null>) =>
    group.forEach((update, i) => {
      const error = errors[i];
      if (error == null) update.stored();
      else update.refused(new Error(error));
    });

  const rowsOf = (group: WaitingUpdate[]) =>
    group.map((u) => ({ mapId: u.mapId, update: u.update, authorId: u.authorId, createdAt: u.receivedAt }));

  /** Commits the group on the event loop if the writer can (fast disk, free lock); false if it must wait. */
  const commitNow = (group: WaitingUpdate[], thread: SqliteLogWriter): boolean => {
    let errors: Array<string | null> | undefined;
    try {
      errors = thread.writeNow(rowsOf(group));
    } catch (err) {
      for (const update of group) update.refused(err);
      return true;
    }
    if (!errors) return false;
    settle(group, errors);
    return true;
  };

  const commitOnWriter = async (group: WaitingUpdate[], thread: SqliteLogWriter): Promise<void> => {
    if (commitNow(group, thread)) return;
    let errors: Array<string | null>;
    try {
      errors = await thread.write(rowsOf(group));
    } catch (err) {
      for (const update of group) update.refused(err);
      return;
    }
    settle(group, errors);
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
        const waitingUpdate = { mapId, update, authorId, receivedAt: new Date().toISOString(), stored, refused };
        // Nothing queued nor being written: on a fast disk the update is committed at once, on its own, instead of
        // waiting for the end of the loop's turn, a wait that under load lasts as long as the broadcasts before it.
        // A burst of updates in one turn is still grouped once a few have been committed singly.
        if (!writing && writer && waiting.length === 0 && singleCommits < SINGLE_COMMITS_PER_TURN) {
          if (singleCommits++ === 0) setImmediate(() => (singleCommits = 0));
          if (commitNow([waitingUpdate], writer)) return;
        }
        waiting.push(waitingUpdate);
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
