import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type KyselyPlugin } from "kysely";
import pg from "pg";
import type { Database } from "./schema.js";

export type Dialect = "sqlite" | "postgres";

/** An open database with the dialect it speaks. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** The SQLite database's file, for connections of its own (the map log's writer thread); unset on PostgreSQL. */
  sqliteFile?: string;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (bigserial, count(*)) as strings; our ids stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** Opens PostgreSQL when `databaseUrl` is a postgres:// URL, otherwise SQLite at `sqlitePath`. */
export function createDb(options: { databaseUrl?: string; sqlitePath: string; plugins?: KyselyPlugin[] }): Db {
  const plugins = options.plugins ?? [];
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection the server closes (restart, failover, a dropped test database) must not crash the process:
    // the pool discards the client and opens a new one on the next query.
    pool.on("error", (err: Error & { code?: string }) => {
      if (err.code !== "57P01") console.error(`PostgreSQL connection lost: ${err.message}`);
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return { kysely, dialect: "postgres", close: () => kysely.destroy() };
  }
  if (url) throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got "${url.split(":")[0]}:…")`);
  mkdirSync(dirname(options.sqlitePath), { recursive: true });
  const database = new SQLite(options.sqlitePath);
  // WAL with synchronous=FULL: a commit is on disk before it returns, so an acknowledged edit survives kill -9 and power loss.
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }), plugins });
  return { kysely, dialect: "sqlite", sqliteFile: options.sqlitePath, close: () => kysely.destroy() };
}
