import { buildMapFromTemplate } from "@opencjm/core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, type AppConfig } from "../config.js";
import { startServer, type RunningServer } from "../startServer.js";
import { connectCollabClient, type CollabClient } from "./collabClient.js";
import { buildWorkspace, type TestWorkspace } from "./factories.js";
import { createTestDatabase } from "./testDatabases.js";

/** A real server on a free port over a fresh test database, with a workspace and one map people can open live. */
export interface LiveMapFixture {
  server: RunningServer;
  ws: TestWorkspace;
  /** An e-commerce map from the template, owned by the workspace's owner. */
  mapId: string;
  /** A collaboration client on the map, synced, closed with the fixture. */
  connect(cookie: string): Promise<CollabClient>;
  close(): Promise<void>;
}

/** Starts the whole server (HTTP and collaboration) over a new SQLite or PostgreSQL database, with its workspace and map. */
export async function startLiveMapFixture(
  dialect: "sqlite" | "postgres",
  name: string,
  config: Partial<AppConfig> = {},
): Promise<LiveMapFixture> {
  const t = await createTestDatabase(dialect);
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
        ...config,
      },
    ),
  );
  const ws = await buildWorkspace(server.services.db);
  const map = await server.services.maps.create({
    workspaceId: ws.id,
    createdBy: ws.users.owner.id,
    snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
  });
  const clients: CollabClient[] = [];
  return {
    server,
    ws,
    mapId: map.id,
    async connect(cookie) {
      const client = await connectCollabClient(server.url, map.id, cookie);
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients.splice(0)) client.destroy();
      await server.close();
      await t.dispose();
    },
  };
}
