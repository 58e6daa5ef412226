import {
  connectClickHouse,
  failInterruptedImports,
  isDatabaseLockError,
  openEventDatabase,
  openEventDatabaseSnapshot,
  type ClickHouseEvents,
  type EventDatabase,
} from "@opencjm/analytics";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { dataVolumeMismatch, type DataVolume } from "../cluster/dataVolume.js";
import type { AppConfig } from "../config.js";
import { ImportTracker } from "./ImportTracker.js";

/**
 * The analytics service: each workspace's DuckDB event database (under DATA_DIR/analytics/<workspaceId>/), opened
 * on first use and kept open, plus the progress of imports in flight. Routes and commands of both the import and the
 * metrics work get a workspace's database here, never by opening the file themselves (DuckDB allows one process).
 */
export interface EventDatabases {
  /** The workspace's event database; the workspace id must already be validated (it names a folder). */
  open(workspaceId: string): Promise<EventDatabase>;
  /** Folder for uploads in flight of a workspace. */
  uploadDir(workspaceId: string): string;
  imports: ImportTracker;
  /** The ClickHouse shards holding the stitched events when CLICKHOUSE_URL is set (analyticsEngine/clickHouseEngine.ts). */
  clickHouse?: ClickHouseEvents;
  /** Whether DATA_DIR is the deployment's data volume; when it is not, every workspace's events are refused here. */
  dataVolume: DataVolume;
  /** Cancels running imports (they roll back) and closes every open database. */
  close(): Promise<void>;
}

/** How a process that only reads (`cjm analyze`) copes with a database a running server holds. */
export interface ReadOnlyOptions {
  /** Called when a workspace's database is held by another process and a copy taken now is read instead. */
  onSnapshot(workspaceId: string): void;
}

/**
 * Creates the service for a server or CLI process. With `readOnly`, a database another process holds is read from a
 * copy taken at that moment (see openEventDatabaseSnapshot) instead of failing on DuckDB's lock. With a `dataVolume`
 * that is not the deployment's (cluster/dataVolume.ts), opening a workspace's events or receiving an upload fails.
 */
export function createEventDatabases(
  config: Pick<AppConfig, "dataDir" | "clickHouse">,
  { readOnly, dataVolume = { shared: true } }: { readOnly?: ReadOnlyOptions; dataVolume?: DataVolume } = {},
): EventDatabases {
  const open = new Map<string, Promise<EventDatabase>>();
  const imports = new ImportTracker();
  // Opening the clients connects nothing yet; the first publication or query does.
  const clickHouse = config.clickHouse ? connectClickHouse(config.clickHouse) : undefined;
  return {
    open(workspaceId) {
      if (!dataVolume.shared) return Promise.reject(dataVolumeMismatch(dataVolume));
      let db = open.get(workspaceId);
      if (!db) {
        db = openEventDatabase(config.dataDir, workspaceId).then(async (opened) => {
          // Imports a stopped process never finished did not commit: say so in their history, and delete what they
          // left on disk (uploads and decoded copies). Only one process opens the database, so none of it is in use.
          await failInterruptedImports(opened.connection);
          await rm(join(opened.dir, "uploads"), { recursive: true, force: true });
          await rm(join(opened.dir, "tmp"), { recursive: true, force: true });
          return opened;
        });
        if (readOnly)
          db = db.catch(async (err: unknown) => {
            if (!isDatabaseLockError(err)) throw err;
            const snapshot = await openEventDatabaseSnapshot(config.dataDir, workspaceId);
            readOnly.onSnapshot(workspaceId);
            return snapshot;
          });
        db.catch(() => open.delete(workspaceId));
        open.set(workspaceId, db);
      }
      return db;
    },
    uploadDir(workspaceId) {
      if (!dataVolume.shared) throw dataVolumeMismatch(dataVolume);
      return join(config.dataDir, "analytics", workspaceId, "uploads");
    },
    imports,
    clickHouse,
    dataVolume,
    async close() {
      await imports.cancelAll();
      const all = await Promise.allSettled(open.values());
      open.clear();
      // Requests whose clients left may still be querying: each database closes once its queries have settled.
      await Promise.all(all.map((r) => (r.status === "fulfilled" ? r.value.closeWhenIdle() : undefined)));
      await clickHouse?.close();
    },
  };
}
