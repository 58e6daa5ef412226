import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { DomainError } from "../errors/DomainError.js";

/**
 * Keeps a second server off a SQLite data folder. SQLite mode is one instance: live maps are held in that process's
 * memory, so a second process on the same file would serve stale maps and lose edits. The lock is an exclusive
 * SQLite lock on a file beside the database, held until the server stops; the operating system drops it when the
 * process dies, so a crash never leaves a stale lock behind.
 */
export class SqliteInstanceLock {
  private constructor(private readonly lock: Database.Database) {}

  /** Takes the lock, or throws one sentence saying what to do instead. */
  static acquire(sqlitePath: string): SqliteInstanceLock {
    const path = `${sqlitePath}.serve-lock`;
    // A first start makes the data folder (the database itself would, but the lock comes first).
    mkdirSync(dirname(sqlitePath), { recursive: true });
    const lock = new Database(path, { timeout: 0 });
    try {
      lock.pragma("locking_mode = EXCLUSIVE");
      lock.exec("BEGIN EXCLUSIVE");
      return new SqliteInstanceLock(lock);
    } catch {
      lock.close();
      throw new DomainError({
        kind: "conflict",
        code: "sqlite_in_use",
        message: `another OpenCJM server is already serving ${sqlitePath}; with SQLite one instance runs alone (several instances need DATABASE_URL for PostgreSQL and REDIS_URL)`,
        params: { path: sqlitePath },
      });
    }
  }

  release(): void {
    this.lock.close();
  }
}
