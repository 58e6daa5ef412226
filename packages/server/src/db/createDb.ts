import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, type Driver, type KyselyPlugin } from "kysely";
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

/**
 * SQLite with every transaction begun IMMEDIATE. The map log is written by a thread with a connection of its own
 * (store/sqliteLogWriter.ts): a deferred transaction here that read and then wrote would fail with
 * SQLITE_BUSY_SNAPSHOT whenever that thread committed in between. Begun IMMEDIATE, it takes the write lock first and
 * waits its turn (busy_timeout), as the thread's commits wait for it.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw("begin immediate"));
    };
    return driver;
  }
}

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
  const kysely = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }), plugins });
  return { kysely, dialect: "sqlite", sqliteFile: options.sqlitePath, close: () => kysely.destroy() };
}
