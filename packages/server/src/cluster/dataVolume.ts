import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { newId } from "@opencjm/core";
import type { AppConfig } from "../config.js";
import type { Db } from "../db/createDb.js";
import { DomainError } from "../errors/DomainError.js";

/** Whether this process's data folder is the deployment's data volume (see claimDataVolume). */
export type DataVolume = { shared: true } | { shared: false; expected: string; found: string };

// The id lives in the data folder itself, so it travels with the volume: copied, moved or remounted, it stays the same.
const ID_FILE = "opencjm-volume-id";
const KEY = "data_volume";

/** The data folder's id, written on first use (by whichever instance gets there first, the others read it). */
async function volumeIdOf(dataDir: string, create: boolean): Promise<string | undefined> {
  const path = join(dataDir, ID_FILE);
  if (create) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(path, `${newId("vol_")}\n`, { flag: "wx" }).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "EEXIST") throw err;
    });
  }
  return readFile(path, "utf8").then(
    (text) => text.trim(),
    (err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") return undefined;
      throw err;
    },
  );
}

async function recordedVolume(db: Db): Promise<string | undefined> {
  const row = await db.kysely
    .selectFrom("deployment_settings")
    .select("value")
    .where("key", "=", KEY)
    .executeTakeFirst();
  return row?.value;
}

const compare = (expected: string | undefined, found: string | undefined): DataVolume =>
  expected === undefined || expected === found ? { shared: true } : { shared: false, expected, found: found ?? "none" };

/**
 * Checks that DATA_DIR is the deployment's data volume, for `cjm serve`. Instances on one PostgreSQL database keep
 * every workspace's events in DATA_DIR, which they must all mount; the first server to start records the volume's id
 * in the database, and one started on another folder (an empty one, usually) is told so, so that it refuses customer
 * data instead of answering from the wrong events or importing beside them. SQLite keeps its database in DATA_DIR, so
 * the two cannot part there.
 */
export async function claimDataVolume(db: Db, config: Pick<AppConfig, "dataDir" | "databaseUrl">): Promise<DataVolume> {
  if (!config.databaseUrl) return { shared: true };
  const found = (await volumeIdOf(config.dataDir, true))!;
  await db.kysely
    .insertInto("deployment_settings")
    .values({ key: KEY, value: found, set_at: new Date().toISOString() })
    .onConflict((c) => c.column("key").doNothing())
    .execute();
  return compare(await recordedVolume(db), found);
}

/**
 * The same check for a `cjm` command, which claims nothing: run from an operator's machine before any server
 * started, it must not make that machine's folder the deployment's. Refused only once a server has recorded another.
 */
export async function checkDataVolume(db: Db, config: Pick<AppConfig, "dataDir" | "databaseUrl">): Promise<DataVolume> {
  if (!config.databaseUrl) return { shared: true };
  return compare(await recordedVolume(db), await volumeIdOf(config.dataDir, false));
}

/** The error every customer-data request gets on an instance whose data folder is not the deployment's volume. */
export function dataVolumeMismatch(volume: Extract<DataVolume, { shared: false }>): DomainError {
  return new DomainError({
    kind: "unavailable",
    code: "data_volume_mismatch",
    message: `this instance's data folder (volume ${volume.found}) is not the deployment's data volume (${volume.expected}), so it serves no customer data; mount the shared volume at DATA_DIR on every instance`,
    params: { found: volume.found, expected: volume.expected },
  });
}
