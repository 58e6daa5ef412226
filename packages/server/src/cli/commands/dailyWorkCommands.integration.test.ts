import { createSource } from "@opencjm/analytics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, buildWorkspace } from "../../testing/factories.js";
import { runCli } from "../../testing/serverProcess.js";
import { testDialects, type TestDatabase } from "../../testing/testDatabases.js";
import { createTestServices } from "../../testing/testServices.js";

// Each case starts CLI processes; on a busy machine that takes seconds.
describe.each(testDialects)(
  "cjm workspace, map and source commands (compiled CLI) on %s",
  { timeout: 180_000 },
  (dialect) => {
    let t: TestDatabase;
    let env: NodeJS.ProcessEnv;
    let workspaceId: string;
    let ownerEmail: string;

    beforeAll(async () => {
      const made = await createTestServices(dialect);
      t = made.t;
      const { services } = made;
      const ws = await buildWorkspace(services.db);
      workspaceId = ws.id;
      ownerEmail = (await buildUser(services.db, { email: "ana@example.com", name: "Ana" })).email;
      const db = await services.analytics.open(ws.id);
      await createSource(db.connection, { name: "Web shop", kind: "web" });
      // The CLI is another process: release the DuckDB file (one process at a time) but keep the database.
      await services.analytics.close();
      env = { DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? "", LANG: "C" };
    });
    afterAll(() => t.dispose());

    const cli = (args: string[]) => {
      const r = runCli(args, env);
      return { ...r, json: () => JSON.parse(r.stdout) as unknown };
    };

    it("creates a workspace for an owner and lists it, as a table and as JSON", () => {
      const created = cli(["workspace", "create", "--name", "Shoe shop", "--owner", ownerEmail, "--json"]);
      expect(created.stderr).toBe("");
      const ws = created.json() as { id: string; name: string; locale: string };
      expect(ws).toMatchObject({ name: "Shoe shop", locale: "en" });
      const table = cli(["workspace", "list"]);
      expect(table.stdout).toMatch(/Id\s+Name\s+Members\s+Maps/);
      expect(table.stdout).toContain(ws.id);
      const list = cli(["workspace", "list", "--json"]).json() as Array<{ id: string; members: number; maps: number }>;
      expect(list.find((w) => w.id === ws.id)).toMatchObject({ members: 1, maps: 0 });
      expect(list.find((w) => w.id === workspaceId)).toMatchObject({ members: 4 });
    });

    it("refuses an owner without an account naming --owner, in the reader's language", () => {
      const en = cli(["workspace", "create", "--name", "X", "--owner", "nobody@example.com"]);
      expect([en.status, en.stderr]).toEqual([
        1,
        expect.stringContaining("--owner: no account with e-mail nobody@example.com"),
      ]);
      const ru = cli(["--lang", "ru", "workspace", "create", "--name", "X", "--owner", "nobody@example.com"]);
      expect([ru.status, ru.stderr]).toEqual([1, expect.stringContaining("--owner: нет учётной записи")]);
    });

    it("creates maps from a template and blank, and lists them with --json", () => {
      const fromTemplate = cli([
        "map",
        "create",
        "--workspace",
        workspaceId,
        "--template",
        "ecommerce",
        "--title",
        "Buying shoes",
      ]);
      expect(fromTemplate.stderr).toBe("");
      expect(fromTemplate.stdout).toMatch(/^created map \S+ \(Buying shoes\)/);
      const blank = cli(["map", "create", "--workspace", workspaceId, "--locale", "ru", "--json"]).json() as {
        id: string;
        title: string;
      };
      expect(blank.title).toBe("Новая карта пути клиента");
      const maps = cli(["map", "list", "--workspace", workspaceId, "--json"]).json() as Array<{
        id: string;
        title: string;
        stepCount: number;
      }>;
      expect(maps.map((m) => m.title).sort()).toEqual(["Buying shoes", "Новая карта пути клиента"]);
      expect(maps.find((m) => m.id === blank.id)!.stepCount).toBe(1);
      const table = cli(["map", "list", "--workspace", workspaceId]);
      expect(table.stdout).toMatch(/Buying shoes\s+Current state/);
      const bad = cli(["map", "create", "--workspace", workspaceId, "--template", "nope"]);
      expect([bad.status, bad.stderr]).toEqual([1, expect.stringContaining("--template")]);
      const noWs = cli(["map", "list", "--workspace", "ws_nope"]);
      expect([noWs.status, noWs.stderr]).toEqual([1, expect.stringContaining("--workspace")]);
    });

    it("lists the workspace's data sources, as a table and as JSON", () => {
      const table = cli(["source", "list", "--workspace", workspaceId]);
      expect(table.stderr).toBe("");
      expect(table.stdout).toMatch(/Web shop\s+0\s+0/);
      const sources = cli(["source", "list", "--workspace", workspaceId, "--json"]).json() as Array<{
        name: string;
        kind: string;
      }>;
      expect(sources).toEqual([expect.objectContaining({ name: "Web shop", kind: "web" })]);
    });
  },
);
