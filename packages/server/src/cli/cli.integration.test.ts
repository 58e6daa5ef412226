import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MapSnapshot } from "@opencjm/core";
import { createDb } from "../db/createDb.js";
import { runCli, startServerProcess, type ServerProcess } from "../testing/serverProcess.js";

describe("cjm CLI", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "cjm-cli-"));
    env = { DATA_DIR: join(dir, "data"), DATABASE_URL: "" };
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints help for every command and exits 0", () => {
    for (const args of [
      ["--help"],
      ["serve", "--help"],
      ["init", "--help"],
      ["user", "add", "--help"],
      ["map", "export", "--help"],
      ["map", "import", "--help"],
    ]) {
      const r = runCli(args, env);
      expect([args.join(" "), r.status, r.stdout]).toEqual([args.join(" "), 0, expect.stringContaining("Usage: cjm")]);
    }
  });

  it("refuses bad options with a message naming the option and a non-zero exit", () => {
    const badEmail = runCli(["init", "--email", "not-an-email", "--name", "A", "--password", "long enough pw"], env);
    expect([badEmail.status, badEmail.stderr]).toEqual([1, expect.stringContaining("--email")]);
    const missing = runCli(["init", "--name", "A"], env);
    expect([missing.status, missing.stderr]).toEqual([1, expect.stringContaining("--email")]);
    const badRole = runCli(
      ["user", "add", "--email", "x@example.com", "--name", "X", "--password", "long enough pw", "--role", "king"],
      env,
    );
    expect([badRole.status, badRole.stderr]).toEqual([1, expect.stringContaining("--role")]);
  });

  it("init creates the first user and demo workspace; serve answers the API with it", async () => {
    const init = runCli(
      ["init", "--email", "owner@example.com", "--name", "Owner", "--password", "correct horse battery"],
      env,
    );
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/created demo workspace ws_/);
    const again = runCli(
      ["init", "--email", "owner@example.com", "--name", "Owner", "--password", "correct horse battery"],
      env,
    );
    expect([again.status, again.stderr]).toEqual([1, expect.stringContaining("already exists")]);

    server = await startServerProcess([], env);
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true });
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "owner@example.com", password: "correct horse battery" }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const workspaces = (await (await fetch(`${server.url}/api/workspaces`, { headers: { cookie } })).json()) as Array<{
      id: string;
    }>;
    expect(workspaces).toHaveLength(1);
    const maps = (await (
      await fetch(`${server.url}/api/workspaces/${workspaces[0]!.id}/maps`, { headers: { cookie } })
    ).json()) as Array<{ id: string; title: string }>;
    expect(maps.length).toBeGreaterThanOrEqual(4);
    const personas = (await (
      await fetch(`${server.url}/api/workspaces/${workspaces[0]!.id}/personas`, { headers: { cookie } })
    ).json()) as unknown[];
    expect(personas.length).toBeGreaterThanOrEqual(3);
    await server.stop();
    server = undefined;
  });

  it("exports a map to JSON and imports it back identical, with its personas", async () => {
    const db = createDb({ sqlitePath: join(dir, "data", "opencjm.sqlite") });
    const map = await db.kysely
      .selectFrom("maps")
      .select(["id", "workspace_id"])
      .where("title", "like", "%running shoes%")
      .executeTakeFirstOrThrow();
    await db.close();
    const unknown = runCli(["map", "export", "map_nope", "--format", "json"], env);
    expect([unknown.status, unknown.stderr]).toEqual([1, expect.stringContaining('no map "map_nope"')]);
    const badFormat = runCli(["map", "export", map.id, "--format", "docx"], env);
    expect([badFormat.status, badFormat.stderr]).toEqual([1, expect.stringContaining("--format")]);

    const out = join(dir, "exported.json");
    expect(runCli(["map", "export", map.id, "--format", "json", "--out", out], env).status).toBe(0);
    const exported = JSON.parse(readFileSync(out, "utf8"));
    expect(exported).toMatchObject({
      format: "opencjm.map",
      personas: [expect.objectContaining({ name: expect.stringContaining("Lena") })],
    });

    // Back into the same workspace: its personas and touchpoints are reused, so the map comes back identical.
    const imported = runCli(["map", "import", out, "--workspace", map.workspace_id], env);
    expect([imported.status, imported.stdout]).toEqual([0, expect.stringMatching(/^imported map map_\w+\n$/)]);
    const newId = imported.stdout.match(/imported map (map_\w+)/)![1]!;
    const reexport = JSON.parse(runCli(["map", "export", newId, "--format", "json"], env).stdout);
    expect(reexport.snapshot as MapSnapshot).toEqual(exported.snapshot);
    expect(reexport.personas).toEqual(exported.personas);
  });

  it("names the file and position of malformed JSON, and the path of an invalid map, importing nothing", async () => {
    const db = createDb({ sqlitePath: join(dir, "data", "opencjm.sqlite") });
    const ws = await db.kysely.selectFrom("workspaces").select("id").executeTakeFirstOrThrow();
    const count = async () =>
      Number(
        (
          await db.kysely
            .selectFrom("maps")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const broken = join(dir, "broken.json");
    writeFileSync(broken, '{\n  "format": "opencjm.map",\n  "snapshot": {,}\n}');
    const r1 = runCli(["map", "import", broken, "--workspace", ws.id], env);
    expect([r1.status, r1.stderr]).toEqual([
      1,
      expect.stringMatching(/broken\.json: invalid JSON at line 3, column \d+/),
    ]);
    const invalid = join(dir, "invalid.json");
    writeFileSync(
      invalid,
      JSON.stringify({
        version: 1,
        settings: { title: "X", type: "currentState" },
        stages: [],
        steps: [{ id: "s", stageId: "ghost", name: "x", order: "a0" }],
        lanes: [],
        cells: [],
        emotions: [],
      }),
    );
    const r2 = runCli(["map", "import", invalid, "--workspace", ws.id], env);
    expect([r2.status, r2.stderr]).toEqual([
      1,
      expect.stringContaining('invalid.json: steps[0].stageId: unknown stage "ghost"'),
    ]);
    expect(await count()).toBe(before);
    await db.close();
  });
});
