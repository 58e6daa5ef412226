import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openEventDatabase } from "@opencjm/analytics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generateJourneyEvents,
  JOURNEY_MAPPINGS,
  type JourneyDataTruth,
} from "../../../../../bench/generateJourneyEvents.js";
import { buildTokenHeaders, buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { CLI_PATH, startServerProcess } from "../../testing/serverProcess.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../../testing/testDatabases.js";

/** Runs the compiled CLI; a crash shows as its signal instead of an exit status. */
function runCli(args: string[], env: NodeJS.ProcessEnv): { status: number | string; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI_PATH, ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  return { status: r.status ?? r.signal ?? String(r.error), stdout: r.stdout, stderr: r.stderr };
}

// Each run starts a Node process that loads DuckDB; on two busy cores that takes seconds.
const SLOW = { timeout: 240_000 };

describe.each(testDialects)("cjm import-events on %s", (dialect) => {
  let t: TestDatabase;
  let ws: TestWorkspace;
  let env: NodeJS.ProcessEnv;
  let truth: JourneyDataTruth;
  const mappingFile = (name: keyof typeof JOURNEY_MAPPINGS) => {
    const path = join(t.config.dataDir, `${name}.mapping.json`);
    writeFileSync(path, JSON.stringify(JOURNEY_MAPPINGS[name]));
    return path;
  };
  /** Row counts of the workspace's tables, read after the CLI has closed the event database. */
  const tableCounts = async () => {
    const db = await openEventDatabase(t.config.dataDir, ws.id);
    try {
      const [row] = (
        await db.connection.runAndReadAll(
          "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM customers), (SELECT count(*) FROM sources), (SELECT count(*) FROM merge_log)",
        )
      ).getRows();
      return row!.map(Number);
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    ws = await buildWorkspace(t.db);
    env = { DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? "" };
    truth = await generateJourneyEvents({ customers: 400, outDir: join(t.config.dataDir, "journeys"), seed: 3 });
  });
  afterAll(() => t.dispose());

  it("prints its help", () => {
    const r = runCli(["import-events", "--help"], env);
    expect([r.status, r.stdout]).toEqual([0, expect.stringContaining("Usage: cjm import-events [options] <file>")]);
  });

  it("imports the sources one after another and prints what it did", SLOW, async () => {
    const web = runCli(
      [
        "import-events",
        truth.files.web!,
        "--workspace",
        ws.id,
        "--source",
        "Web",
        "--kind",
        "web",
        "--mapping",
        mappingFile("web"),
      ],
      env,
    );
    expect([web.status, web.stderr]).toEqual([0, ""]);
    expect(web.stdout).toMatch(
      new RegExp(
        `^imported ${truth.eventsByFile.web!.toLocaleString("en-US")} events from web\\.csv into source "Web" \\(import imp_\\w+\\)\\nread [\\d,]+ rows as CSV, utf-8, delimiter ",", timestamps ISO 8601\\n`,
      ),
    );
    expect(web.stdout).toMatch(/ignored placeholder identifiers: email "test@test\.com" ×\d+/);
    for (const name of ["crm", "support", "survey"] as const) {
      const r = runCli(
        ["import-events", truth.files[name]!, "--workspace", ws.id, "--source", name, "--mapping", mappingFile(name)],
        env,
      );
      expect([name, r.status, r.stderr]).toEqual([name, 0, ""]);
    }
    expect(await tableCounts()).toEqual([truth.events, truth.expectedCustomers, 4, expect.any(Number)]);
  });

  it("reuses the source's saved mapping, and refuses the same file twice without changing anything", SLOW, async () => {
    const before = await tableCounts();
    const again = runCli(["import-events", truth.files.web!, "--workspace", ws.id, "--source", "Web"], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      /^error: web\.csv, row 1: repeats an event this source already has \(row 1 of import imp_\w+; [\d]+ such rows\); set duplicates to "skip" to import only the new events\n$/,
    );
    expect(await tableCounts()).toEqual(before);
  });

  it("names the file, row and column of bad input, and the option at fault", SLOW, async () => {
    const bad = join(t.config.dataDir, "bad.csv");
    writeFileSync(bad, "email,time,event\na@x.org,01/02/2024,Visit\nb@x.org,03/04/2024,Visit\n");
    const ambiguous = runCli(["import-events", bad, "--workspace", ws.id, "--source", "Bad"], env);
    expect([ambiguous.status, ambiguous.stdout]).toEqual([1, ""]);
    expect(ambiguous.stderr).toBe(
      'error: bad.csv, column "time": dates like "01/02/2024" (row 1) could be day/month/year or month/day/year, and no date in the file decides it; give timestampFormat "dmy" or "mdy" (CLI: --timestamp-format)\n',
    );
    const fixed = runCli(
      ["import-events", bad, "--workspace", ws.id, "--source", "Bad", "--timestamp-format", "mdy"],
      env,
    );
    expect([fixed.status, fixed.stdout]).toEqual([0, expect.stringContaining("timestamps month/day/year")]);
    expect(
      runCli(["import-events", bad, "--workspace", ws.id, "--source", "X", "--format", "docx"], env).stderr,
    ).toMatch(/^error: --format: /);
    expect(
      runCli(["import-events", bad, "--workspace", ws.id, "--source", "X", "--time-zone", "Mars/Olympus"], env).stderr,
    ).toBe("error: --time-zone: must be an IANA time-zone name such as UTC or Europe/Berlin\n");
    expect(
      runCli(["import-events", join(t.config.dataDir, "nope.csv"), "--workspace", ws.id, "--source", "X"], env).stderr,
    ).toBe("error: nope.csv: the file does not exist or cannot be read\n");
    expect(runCli(["import-events", bad, "--workspace", "ws_nope", "--source", "X"], env).stderr).toBe(
      'error: --workspace: no workspace "ws_nope"\n',
    );
    const badMapping = join(t.config.dataDir, "m.json");
    writeFileSync(badMapping, '{"columns": {"email": {"role": "identifier", "kind": "fax"}}}');
    expect(
      runCli(["import-events", bad, "--workspace", ws.id, "--source", "X", "--mapping", badMapping], env).stderr,
    ).toMatch(/^error: .*m\.json: mapping\.columns\.email\.kind: /);
  });

  it("draws a progress bar when standard error is a terminal, and none otherwise", SLOW, () => {
    const file = join(t.config.dataDir, "tty.csv");
    writeFileSync(file, "email,time,event\ntty@x.org,2024-01-01T10:00:00Z,Visit\n");
    const command = [process.execPath, CLI_PATH, "import-events", file, "--workspace", ws.id, "--source", "TTY"]
      .map((a) => `'${a}'`)
      .join(" ");
    const tty = spawnSync("script", ["-qfec", command, "/dev/null"], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
    // One assertion, so a failure shows what the terminal got.
    expect([tty.status, tty.stdout]).toEqual([
      0,
      expect.stringMatching(
        /(reading|parsing|checking|stitching|writing|indexing) +\[[░█]+\] \d+%[^]*imported 1 events from tty\.csv/,
      ),
    ]);
    const piped = runCli(["import-events", file, "--workspace", ws.id, "--source", "Piped"], env);
    expect([piped.status, piped.stderr]).toEqual([0, ""]);
  });

  it("says so when a running server holds the workspace's event database", SLOW, async () => {
    const server = await startServerProcess([], env);
    try {
      const headers = await buildTokenHeaders(t.db, ws.users.viewer.id, "read");
      expect((await fetch(`${server.url}/api/workspaces/${ws.id}/sources`, { headers })).status).toBe(200);
      const r = runCli(["import-events", truth.files.survey!, "--workspace", ws.id, "--source", "survey"], env);
      expect([r.status, r.stderr]).toEqual([
        1,
        `error: the event database of workspace ${ws.id} is open in another process (a running cjm serve?); import through its API, or stop it first\n`,
      ]);
    } finally {
      await server.stop();
    }
  });
});
