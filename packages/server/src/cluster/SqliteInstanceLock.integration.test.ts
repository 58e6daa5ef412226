import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { translate } from "@opencjm/core";
import { afterEach, describe, expect, it } from "vitest";
import { startServerProcess, type ServerProcess } from "../testing/serverProcess.js";

describe("one server per SQLite data folder", () => {
  let dir: string;
  const servers: ServerProcess[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.stop("SIGKILL")));
    servers.length = 0;
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a second server on the same folder, in the reader's language, and lets one start after a crash", async () => {
    dir = mkdtempSync(join(tmpdir(), "opencjm-sqlite-lock-"));
    const env = { DATA_DIR: dir, DATABASE_URL: "", REDIS_URL: "" };
    const first = await startServerProcess([], env);
    servers.push(first);
    const refusal = await startServerProcess([], { ...env, LANG: "ru_RU.UTF-8" }).then(
      () => "started",
      (err: Error) => err.message,
    );
    expect(refusal).toContain(translate("ru", "errors", "sqlite_in_use", { path: join(dir, "opencjm.sqlite") }));
    // The lock dies with its process: no stale lock after kill -9.
    await first.stop("SIGKILL");
    servers.push(await startServerProcess([], env));
    expect((await fetch(`${servers[1]!.url}/api/ready`)).status).toBe(200);
  }, 120_000);
});
