import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { CLI_PATH } from "../../testing/serverProcess.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../../testing/testDatabases.js";

/** Runs the compiled CLI. */
function runCli(args: string[], env: NodeJS.ProcessEnv): { status: number | string; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI_PATH, ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  return { status: r.status ?? r.signal ?? String(r.error), stdout: r.stdout, stderr: r.stderr };
}

// A ticket log with a deadline, an opening date and the event's time, and one row twice.
const TICKETS = [
  "deadline,opened,customer,logged,activity",
  "2024-02-01,2024-01-01,c1,2024-01-03 10:00,Open",
  "2024-02-01,2024-01-01,c1,2024-01-04 11:00,Reply",
  "2024-02-01,2024-01-01,c1,2024-01-04 11:00,Reply",
  "2024-03-01,2024-01-02,c2,2024-01-05 09:00,Open",
].join("\n");

describe.each(testDialects)("cjm import-events guesses as the upload preview does, on %s", (dialect) => {
  let t: TestDatabase;
  let ws: TestWorkspace;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    ws = await buildWorkspace(t.db);
    env = { DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? "" };
  });
  afterAll(() => t.dispose());

  it(
    "takes the event's time of several date columns, says so, and skips the repeated row with --duplicates skip",
    { timeout: 240_000 },
    () => {
      const file = join(t.config.dataDir, "tickets.csv");
      writeFileSync(file, `${TICKETS}\n`);
      const args = ["import-events", file, "--workspace", ws.id, "--source", "Tickets"];
      const refused = runCli(args, env);
      expect([refused.status, refused.stderr]).toEqual([1, expect.stringMatching(/repeats row 2 exactly/)]);
      const r = runCli([...args, "--duplicates", "skip"], env);
      expect([r.status, r.stderr]).toEqual([0, expect.any(String)]);
      expect(r.stdout).toContain("imported 3 events");
      expect(r.stdout).toContain("skipped 1 duplicate rows");
      expect(r.stdout).toContain("note: “deadline” holds dates too; the event's time is taken from “logged”.");
      // The note is worded from the catalogue in the reader's language, not shown in English.
      const ru = runCli(["--lang", "ru", ...args.slice(0, -1), "Tickets 2", "--duplicates", "skip"], env);
      expect(ru.stdout).toContain("В «deadline» тоже даты; время события берётся из «logged».");
    },
  );
});
