import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { translate } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { CLI_PATH } from "../../testing/serverProcess.js";
import { createTestDatabase, type TestDatabase } from "../../testing/testDatabases.js";

/** Runs the compiled CLI; a crash shows as its signal instead of an exit status. */
function runCli(args: string[], env: NodeJS.ProcessEnv): { status: number | string; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI_PATH, ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  return { status: r.status ?? r.signal ?? String(r.error), stdout: r.stdout, stderr: r.stderr };
}

// Each run starts a Node process that loads DuckDB; on two busy cores that takes seconds.
const SLOW = { timeout: 240_000 };
const GOOD = "15550100,2024-01-05T10:00:00Z,ticket_opened";
// Row 2 cannot be read (its time), row 3 repeats row 1.
const FILE = `phone,opened,event\n${GOOD}\n15550101,05.01.2024 25:99,ticket_opened\n${GOOD}\n`;
const MAPPING = {
  columns: { phone: { role: "identifier", kind: "phone" }, opened: { role: "timestamp" }, event: { role: "event" } },
};

describe("cjm import-events --duplicates keep|drop|refuse --skip-bad-rows", () => {
  let t: TestDatabase;
  let ws: TestWorkspace;
  let env: NodeJS.ProcessEnv;
  let file: string;
  let mapping: string;
  const importInto = (source: string, ...options: string[]) =>
    runCli(["import-events", file, "--workspace", ws.id, "--source", source, "--mapping", mapping, ...options], env);

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    ws = await buildWorkspace(t.db);
    env = { DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? "" };
    file = join(t.config.dataDir, "tickets.csv");
    writeFileSync(file, FILE);
    mapping = join(t.config.dataDir, "tickets.mapping.json");
    writeFileSync(mapping, JSON.stringify(MAPPING));
  });
  afterAll(() => t.dispose());

  it("names both options in its help, in the reader's language", SLOW, () => {
    const r = runCli(["import-events", "--help", "--lang", "ru"], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--skip-bad-rows");
    expect(r.stdout).toContain(translate("ru", "cli", "importEvents.option.skipBadRows").slice(0, 30));
  });

  it("refuses the file by default, at the unreadable row", SLOW, () => {
    const r = importInto("A", "--duplicates", "drop");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: tickets\.csv, row 2, column "opened": "05\.01\.2024 25:99" is not a valid/);
  });

  it("with --skip-bad-rows and --duplicates drop, imports the rest and lists the row it left out", SLOW, () => {
    const r = importInto("B", "--skip-bad-rows", "--duplicates", "drop");
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain("imported 1 events from tickets.csv");
    expect(r.stdout).toContain("skipped 1 duplicate rows");
    expect(r.stdout).toContain(
      'left out 1 rows whose values cannot be read:\n  row 2, column "opened": "05.01.2024 25:99" is not a valid timestamp',
    );
  });

  it("lists the rows it left out in the reader's language", SLOW, () => {
    const r = importInto("R", "--skip-bad-rows", "--duplicates", "drop", "--lang", "ru");
    expect([r.status, r.stderr]).toEqual([0, ""]);
    const line = r.stdout.split("\n").find((l) => l.includes("05.01.2024 25:99"));
    expect(line).toContain(translate("ru", "errors", "bad_timestamp"));
    expect(line).not.toContain("is not a valid");
  });

  it("keeps the copies with --duplicates keep, and refuses them with --duplicates refuse", SLOW, () => {
    const kept = importInto("C", "--skip-bad-rows", "--duplicates", "keep", "--json");
    expect(kept.status).toBe(0);
    expect(JSON.parse(kept.stdout)).toMatchObject({ eventsStored: 2, badRowsSkipped: 1, duplicatesSkipped: 0 });
    const refused = importInto("D", "--skip-bad-rows", "--duplicates", "refuse");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^error: tickets\.csv, row 3: repeats row 1 exactly/);
  });

  it("names the option when its value is unknown", SLOW, () => {
    const r = importInto("E", "--duplicates", "maybe");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: --duplicates: /);
  });
});
