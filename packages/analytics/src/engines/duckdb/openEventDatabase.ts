import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { EVENT_TABLES_DDL } from "./eventTables.js";
import { trackQueries } from "./trackQueries.js";

/** An open DuckDB event store of one workspace. */
export interface EventDatabase {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  /** Folder for this workspace's analytics files (the DuckDB file and the sorted journey store). */
  dir: string;
  /** Closes at once: only when nothing runs on it (tests, single commands). */
  close(): void;
  /** Waits until every query started on it has settled, then closes (servers shutting down with requests in flight). */
  closeWhenIdle(): Promise<void>;
}

/** Opens (creating if needed) the DuckDB file of a workspace under `dataDir/analytics/<workspaceId>/`; ':memory:' for tests. */
export async function openEventDatabase(dataDir: string | ":memory:", workspaceId: string): Promise<EventDatabase> {
  const dir = dataDir === ":memory:" ? ":memory:" : join(dataDir, "analytics", workspaceId);
  if (dir !== ":memory:") mkdirSync(dir, { recursive: true });
  // Loaded on first use, so commands and servers that never touch events do not pay for DuckDB at start-up.
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const inflight = new Set<Promise<unknown>>();
  const instance = trackQueries(
    await DuckDBInstance.create(dir === ":memory:" ? ":memory:" : join(dir, "events.duckdb")),
    inflight,
  );
  const connection = await instance.connect();
  for (const ddl of EVENT_TABLES_DDL) await connection.run(ddl);
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  return {
    instance,
    connection,
    dir,
    close,
    async closeWhenIdle() {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
      close();
    },
  };
}
