import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { isBusy, openLogConnection, type LogConnection, type LogRow } from "./sqliteLogWriterConnection.js";
import type { LogWriteAnswer, LogWriteRequest } from "./sqliteLogWriterWorker.js";

export type { LogRow } from "./sqliteLogWriterConnection.js";

interface Pending {
  resolve(errors: Array<string | null>): void;
  reject(err: Error): void;
}

/**
 * A commit on the event loop longer than this (a slow or busy disk) sends the next groups to the worker thread. On a
 * healthy disk a commit of a few rows with its fsync takes 0.2–0.5 ms, less than the two thread hops of the worker.
 */
const SLOW_COMMIT_MS = 2;
/** How long groups go to the worker after a slow commit, before a commit is tried on the event loop again. */
const SLOW_DISK_BACKOFF_MS = 1_000;

/**
 * Appends map updates to a SQLite database file with connections of its own (issue 19). better-sqlite3 is
 * synchronous, so a commit blocks the thread that makes it. While commits are fast they are made right here on the
 * event loop (`writeNow`): a commit with its fsync costs less than handing the group to another thread and back,
 * which under load waits twice for a core. When a commit is slow, or the write lock is held by another connection (the
 * server's own transaction, which cannot finish while the loop waits), groups go to a worker thread (`write`) that
 * can wait while the loop goes on. Either way the caller settles each update only after its commit returned. The
 * worker runs compiled JavaScript, so the writer exists only when the built script is present (not when running from
 * TypeScript sources), and never for an in-memory database, which another connection cannot open.
 */
export class SqliteLogWriter {
  private worker: Worker | undefined;
  private direct: LogConnection | undefined;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  /** performance.now() before which commits go to the worker (the disk was slow lately). */
  private threadUntil = 0;

  private constructor(
    private readonly script: URL,
    private readonly file: string,
  ) {}

  /** The writer for the database at `file`, or undefined when updates must be written on the event loop. */
  static create(file: string | undefined): SqliteLogWriter | undefined {
    if (!file || file === ":memory:" || file.startsWith("file:")) return undefined;
    const script = new URL("./sqliteLogWriterWorker.js", import.meta.url);
    if (!existsSync(fileURLToPath(script))) return undefined;
    return new SqliteLogWriter(script, file);
  }

  /**
   * Commits the rows on this thread now, if commits have been fast and the write lock is free; per row, null or the
   * refusal's message. Undefined when nothing was written and the group must go to the worker (`write`).
   */
  writeNow(rows: LogRow[]): Array<string | null> | undefined {
    const startedAt = performance.now();
    if (startedAt < this.threadUntil) return undefined;
    this.direct ??= openLogConnection(this.file, 0);
    let errors: Array<string | null>;
    try {
      errors = this.direct.write(rows);
    } catch (err) {
      if (!isBusy(err)) throw err;
      return undefined;
    }
    this.noteCommit(performance.now() - startedAt);
    return errors;
  }

  /** Writes the rows from the worker thread, waiting for the write lock if need be; per row as `writeNow`. */
  write(rows: LogRow[]): Promise<Array<string | null>> {
    const worker = this.ensureWorker();
    const id = this.next++;
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, rows } satisfies LogWriteRequest);
    });
  }

  /** Stops the worker and closes the connections; call after every write has settled. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.direct?.close();
    this.direct = undefined;
    await worker?.terminate();
  }

  private noteCommit(ms: number): void {
    if (ms > SLOW_COMMIT_MS) this.threadUntil = performance.now() + SLOW_DISK_BACKOFF_MS;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { file: this.file } });
    worker.unref();
    worker.on("message", ({ id, errors, commitMs }: LogWriteAnswer) => {
      const p = this.pending.get(id);
      if (!p) return;
      this.pending.delete(id);
      // An idle writer does not keep the process alive.
      if (this.pending.size === 0) worker.unref();
      // The disk is still slow: the worker keeps the groups a while longer.
      this.noteCommit(commitMs);
      p.resolve(errors);
    });
    const fail = (err: Error) => {
      // A crashed worker takes its groups with it (a transaction it had not committed is rolled back): they are
      // refused, never acknowledged, and the next write starts a fresh worker.
      if (this.worker === worker) this.worker = undefined;
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.reject(err);
      }
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the map log writer stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
