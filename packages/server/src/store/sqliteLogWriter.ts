import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { LogRow, LogWriteAnswer, LogWriteRequest } from "./sqliteLogWriterWorker.js";

export type { LogRow } from "./sqliteLogWriterWorker.js";

interface Pending {
  resolve(errors: Array<string | null>): void;
  reject(err: Error): void;
}

/**
 * Appends map updates to a SQLite database file from a worker thread with its own connection (issue 19): better-sqlite3
 * is synchronous, so on the server's connection every commit and its fsync stopped the event loop — every other
 * editor's update, broadcast and acknowledgement waited behind it. Here the loop goes on while the worker commits; the
 * caller still settles each update only after its commit returned. The worker runs compiled JavaScript, so the writer
 * exists only when the built script is present (not when running from TypeScript sources), and never for an
 * in-memory database, which another connection cannot open.
 */
export class SqliteLogWriter {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private next = 0;

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

  /** Writes the rows in one transaction (or, if that fails, each on its own); per row, null or the refusal's message. */
  write(rows: LogRow[]): Promise<Array<string | null>> {
    const worker = this.ensureWorker();
    const id = this.next++;
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, rows } satisfies LogWriteRequest);
    });
  }

  /** Stops the worker; call after every write has settled. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { file: this.file } });
    worker.unref();
    worker.on("message", ({ id, errors }: LogWriteAnswer) => {
      const p = this.pending.get(id);
      if (!p) return;
      this.pending.delete(id);
      // An idle writer does not keep the process alive.
      if (this.pending.size === 0) worker.unref();
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
