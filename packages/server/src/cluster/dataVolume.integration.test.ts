import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { runCli, startServerProcess, type ServerProcess } from "../testing/serverProcess.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../testing/testDatabases.js";

const MISMATCH = /data folder \([^)]*\) is not the deployment's data volume/;

// Several instances share PostgreSQL; with SQLite the database itself lives in the data folder, so they cannot part.
describe.each(testDialects.filter((d) => d === "postgres"))(
  "instances on %s and the deployment's data volume",
  (dialect) => {
    let t: TestDatabase;
    let ws: TestWorkspace;
    let env: NodeJS.ProcessEnv;
    const folders: string[] = [];
    const servers: ServerProcess[] = [];
    const folder = () => {
      const dir = mkdtempSync(join(tmpdir(), "opencjm-volume-"));
      folders.push(dir);
      return dir;
    };
    const start = async (dataDir: string) => {
      const server = await startServerProcess([], { ...env, DATA_DIR: dataDir });
      servers.push(server);
      return server;
    };
    const sources = (server: ServerProcess) =>
      fetch(`${server.url}/api/workspaces/${ws.id}/sources`, { headers: ws.users.owner.headers });

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      ws = await buildWorkspace(t.db);
      env = { DATABASE_URL: t.config.databaseUrl };
    });
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop("SIGKILL")));
      for (const dir of folders) rmSync(dir, { recursive: true, force: true });
      await t?.dispose();
    });

    it(
      "serves customer data from the volume the deployment started on and refuses it, saying why, from any other folder",
      { timeout: 180_000 },
      async () => {
        // A command run before any server started claims nothing: the operator's own folder does not become the volume.
        const operator = folder();
        expect(runCli(["source", "list", "--workspace", ws.id], { ...env, DATA_DIR: operator }).status).toBe(0);
        expect(existsSync(join(operator, "opencjm-volume-id"))).toBe(false);

        const shared = folder();
        const first = await start(shared);
        expect((await sources(first)).status).toBe(200);

        const elsewhere = folder();
        const other = await start(elsewhere);
        const refused = await sources(other);
        expect(refused.status).toBe(503);
        expect(await refused.json()).toMatchObject({
          error: { code: "data_volume_mismatch", message: expect.stringMatching(MISMATCH) },
        });
        expect(other.output()).toMatch(MISMATCH);
        expect(first.output()).not.toMatch(MISMATCH);
        // Live maps need no data folder: the instance is up and serves them.
        expect((await fetch(`${other.url}/api/ready`)).status).toBe(200);
        // An upload is refused before a byte of it is written to the wrong folder.
        const upload = await fetch(`${other.url}/api/workspaces/${ws.id}/sources/src_x/imports?fileName=e.csv`, {
          method: "POST",
          headers: { ...ws.users.owner.headers, "content-type": "application/octet-stream" },
          body: "email,ts,event\na@example.com,2024-03-01T09:00:00Z,Visited\n",
        });
        expect(upload.status).toBe(503);
        expect(existsSync(join(elsewhere, "analytics"))).toBe(false);

        // The CLI on the wrong folder says so too, in the reader's language.
        const cli = runCli(["source", "list", "--workspace", ws.id], {
          ...env,
          DATA_DIR: elsewhere,
          LANG: "ru_RU.UTF-8",
        });
        expect([cli.status, cli.stderr]).toEqual([1, expect.stringContaining("не том данных этого развёртывания")]);

        // The volume's id travels with the folder: a later instance on the shared volume serves customer data.
        await first.stop("SIGTERM");
        const again = await start(shared);
        expect((await sources(again)).status).toBe(200);
        expect(readdirSync(shared)).toContain("opencjm-volume-id");
      },
    );
  },
);
