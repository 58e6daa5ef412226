import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDb, type Db } from "../db/createDb.js";
import { migrateToLatest } from "../db/migrate.js";

/** A fresh, migrated database and how to throw it away. */
export interface TestDatabase {
  db: Db;
  /** Settings that open this same database again (for a server process under test). */
  config: { databaseUrl?: string; sqlitePath: string; dataDir: string };
  dispose(): Promise<void>;
}

/** Dialects the storage tests run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const testDialects: Array<"sqlite" | "postgres"> = process.env.TEST_DATABASE_URL
  ? ["sqlite", "postgres"]
  : ["sqlite"];

/** Creates an empty migrated database: a SQLite file in a temp dir, or a new PostgreSQL database. */
export async function createTestDatabase(dialect: "sqlite" | "postgres"): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), "opencjm-test-"));
  const sqlitePath = join(dataDir, "opencjm.sqlite");
  if (dialect === "sqlite") {
    const db = createDb({ sqlitePath });
    await migrateToLatest(db);
    return {
      db,
      config: { sqlitePath, dataDir },
      dispose: async () => {
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `opencjm_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const db = createDb({ databaseUrl, sqlitePath });
  await migrateToLatest(db);
  return {
    db,
    config: { databaseUrl, sqlitePath, dataDir },
    dispose: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
