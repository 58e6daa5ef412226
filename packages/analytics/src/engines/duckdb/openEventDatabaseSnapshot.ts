import { copyFileSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JOURNEY_STORE_FILE } from "../../store/rebuildJourneyStore.js";
import { openEventDatabase, type EventDatabase } from "./openEventDatabase.js";

/** True for DuckDB's refusal to open a file another process holds (a running server). */
export function isDatabaseLockError(err: unknown): boolean {
  return err instanceof Error && /Could not set lock on file/i.test(err.message);
}

/**
 * Opens a copy of a workspace's event database taken now, for reading while another process (a running server) holds
 * the file: DuckDB lets one process open a database file, even to read. The DuckDB file, its write-ahead log and the
 * journey store are copied into a temporary folder (a copy-on-write clone where the file system can), which closing
 * removes. Nothing written to the copy reaches the workspace.
 */
export async function openEventDatabaseSnapshot(dataDir: string, workspaceId: string): Promise<EventDatabase> {
  const from = join(dataDir, "analytics", workspaceId);
  const root = mkdtempSync(join(tmpdir(), "opencjm-snapshot-"));
  try {
    const to = join(root, "analytics", workspaceId);
    mkdirSync(to, { recursive: true });
    for (const file of ["events.duckdb", "events.duckdb.wal", JOURNEY_STORE_FILE])
      if (existsSync(join(from, file))) copyFileSync(join(from, file), join(to, file), constants.COPYFILE_FICLONE);
    const db = await openEventDatabase(root, workspaceId);
    const remove = () => rmSync(root, { recursive: true, force: true });
    return {
      ...db,
      close() {
        db.close();
        remove();
      },
      async closeWhenIdle() {
        await db.closeWhenIdle();
        remove();
      },
    };
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
}
