import { statfs } from "node:fs/promises";
import { ImportError } from "./ImportError.js";

/** A byte count for people: "3.1 GB". */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * Refuses an import the disk cannot hold before any work starts: the event store needs about half the file's size
 * (DuckDB compresses), plus a full copy when the file is decoded or converted first.
 */
export async function checkDiskSpace(dir: string, fileSize: number, makesCopy: boolean, file: string): Promise<void> {
  const fs = await statfs(dir);
  const free = Number(fs.bavail) * Number(fs.bsize);
  const needed = Math.ceil(fileSize * (makesCopy ? 1.5 : 0.5));
  if (needed > free) {
    throw new ImportError(
      "not_enough_disk",
      `importing this ${formatBytes(fileSize)} file needs about ${formatBytes(needed)} of free disk space under ${dir}, and only ${formatBytes(free)} is free`,
      { file },
    );
  }
}
