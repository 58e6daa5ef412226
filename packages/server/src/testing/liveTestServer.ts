import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../config.js";
import { startServer, type RunningServer } from "../startServer.js";
import { createTestDatabase, type TestDatabase } from "./testDatabases.js";

/** A real server listening on a free port over a fresh test database, for tests that open sockets to it. */
export interface LiveTestServer {
  server: RunningServer;
  close(): Promise<void>;
}

/** Starts the whole server (HTTP and collaboration) over a new SQLite or PostgreSQL database. */
export async function startLiveTestServer(dialect: "sqlite" | "postgres", name: string): Promise<LiveTestServer> {
  const t: TestDatabase = await createTestDatabase(dialect);
  // The server opens the database itself.
  await t.db.close();
  const server = await startServer(
    loadConfig(
      {},
      {
        port: 0,
        host: "127.0.0.1",
        dataDir: mkdtempSync(join(tmpdir(), `cjm-${name}-`)),
        databaseUrl: t.config.databaseUrl,
        sqlitePath: t.config.sqlitePath,
      },
    ),
  );
  return {
    server,
    async close() {
      await server.close();
      await t.dispose();
    },
  };
}
