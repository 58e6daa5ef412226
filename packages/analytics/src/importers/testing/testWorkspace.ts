import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEventDatabase, type EventDatabase } from "../../engines/duckdb/openEventDatabase.js";

/** A workspace event database in a fresh temp folder, and a place for the test's input files. */
export interface TestWorkspace {
  db: EventDatabase;
  dir: string;
  /** Writes a file into the test folder and returns its path. */
  file(name: string, content: string | Uint8Array): string;
  /** A fingerprint of every table but `imports`, to show a failed import changed nothing. */
  fingerprint(): Promise<Record<string, string>>;
  query(sql: string): Promise<unknown[][]>;
  /** The first row of a query (which must return one). */
  row(sql: string): Promise<unknown[]>;
  dispose(): void;
}

const DATA_TABLES = [
  "sources",
  "events",
  "identities",
  "customers",
  "merge_log",
  "records",
  "identifier_keys",
  "record_identifiers",
  "attribute_values",
];

/** Opens a real DuckDB event store on disk under a temp folder. */
export async function openTestWorkspace(): Promise<TestWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), "cjm-import-"));
  const db = await openEventDatabase(join(dir, "data"), "ws_test");
  const query = async (sql: string) => (await db.connection.runAndReadAll(sql)).getRows() as unknown[][];
  return {
    db,
    dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    async fingerprint() {
      const out: Record<string, string> = {};
      for (const table of DATA_TABLES) {
        const [[count, digest]] = (await query(
          `SELECT count(*), md5(coalesce(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR), '')) FROM ${table} t`,
        )) as [[bigint, string]];
        out[table] = `${count}:${digest}`;
      }
      return out;
    },
    query,
    async row(sql) {
      const [first] = await query(sql);
      if (!first) throw new Error(`no row from ${sql}`);
      return first;
    },
    dispose() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The error a promise rejects with; fails the test when it resolves instead. */
export async function rejection<E = Error>(promise: Promise<unknown>): Promise<E> {
  return promise.then(
    () => {
      throw new Error("expected a rejection, but it resolved");
    },
    (error: unknown) => error as E,
  );
}
