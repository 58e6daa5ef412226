import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";

let format: string | undefined;

/** Every JavaScript file under `dir`, in a stable order. */
function scriptsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".js"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Names the code that turns a map document into its read snapshot (the core package as installed), so a snapshot
 * stored with a compacted state is used only by a server running that same code: after an upgrade that changes what a
 * snapshot holds, stored snapshots are simply not used until the next compaction writes new ones. It is the digest of
 * core's compiled scripts (read once, a few milliseconds), so nobody has to remember to bump a number. When they
 * cannot be read, a name of this process alone: nothing stored is reused, nothing wrong is served.
 */
export function snapshotFormat(): string {
  if (format) return format;
  try {
    const core = dirname(createRequire(import.meta.url).resolve("@opencjm/core"));
    const digest = createHash("sha256");
    for (const file of scriptsUnder(core)) digest.update(relative(core, file)).update("\0").update(readFileSync(file));
    format = `core:${digest.digest("hex").slice(0, 32)}`;
  } catch {
    format = `process:${randomUUID()}`;
  }
  return format;
}
