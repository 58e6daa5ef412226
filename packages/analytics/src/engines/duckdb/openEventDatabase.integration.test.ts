import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openEventDatabase } from "./openEventDatabase.js";

describe("openEventDatabase", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("closes only after the queries still running on it, on its own and on extra connections, have finished", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cjm-duckdb-close-"));
    dirs.push(dir);
    const db = await openEventDatabase(dir, "w1");
    const finished: string[] = [];
    // Long enough to still run when the close is asked for.
    const slow = "SELECT count(*) AS n FROM range(60000000) a WHERE hash(a.range) % 7 = 3";
    const onMain = db.connection
      .runAndReadAll(slow)
      .then((r) => (finished.push("main"), Number(r.getRowObjects()[0]!.n)));
    const extra = await db.instance.connect();
    const onExtra = extra.runAndReadAll(slow).then((r) => (finished.push("extra"), Number(r.getRowObjects()[0]!.n)));

    await db.closeWhenIdle();
    expect(finished.sort()).toEqual(["extra", "main"]);
    const [a, b] = await Promise.all([onMain, onExtra]);
    expect(a).toBeGreaterThan(0);
    expect(b).toBe(a);
    await expect(db.connection.run("SELECT 1")).rejects.toThrow();
  });
});
