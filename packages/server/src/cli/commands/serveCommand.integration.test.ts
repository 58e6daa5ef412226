import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, startServerProcess, type ServerProcess } from "../../testing/serverProcess.js";

// Rows enough that the import is surely still running when the stop signal comes (it is sent at its first progress
// report after the upload), without any timing in the test.
const ROWS = 200_000;

describe("cjm serve stopped while an event import runs", () => {
  let dir: string;
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.stop("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    "cancels the import, rolls it back, exits 0, and the history says it was cancelled",
    { timeout: 300_000 },
    async () => {
      dir = mkdtempSync(join(tmpdir(), "cjm-serve-import-"));
      const env = { DATA_DIR: join(dir, "data"), DATABASE_URL: "", PORT: "0" };
      expect(
        runCli(["init", "--email", "owner@example.com", "--name", "Owner", "--password", "correct horse battery"], env)
          .status,
      ).toBe(0);
      server = await startServerProcess([], env);
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "owner@example.com", password: "correct horse battery" }),
      });
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const headers = { cookie: login.headers.get("set-cookie")!.split(";")[0]!, "x-csrf-token": csrfToken };
      const [{ id: workspaceId }] = (await (await fetch(`${server.url}/api/workspaces`, { headers })).json()) as [
        { id: string },
      ];
      const base = `${server.url}/api/workspaces/${workspaceId}`;
      const mapping = {
        columns: { email: { role: "identifier", kind: "email" }, ts: { role: "timestamp" }, event: { role: "event" } },
      };
      const source = (await (
        await fetch(`${base}/sources`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ name: "Web", mapping }),
        })
      ).json()) as { sourceId: string };
      const csv = `email,ts,event\n${Array.from({ length: ROWS }, (_, i) => `user${i % 50_000}@example.com,2024-03-01T09:${String(i % 60).padStart(2, "0")}:00Z,Visited page ${i}\n`).join("")}`;
      const started = await fetch(`${base}/sources/${source.sourceId}/imports?fileName=big.csv`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/octet-stream" },
        body: csv,
      });
      expect(started.status).toBe(202);
      const { importId, eventsUrl } = (await started.json()) as { importId: string; eventsUrl: string };
      // Wait for the import's first progress report, then stop the server.
      const events = await fetch(`${server.url}${eventsUrl}`, { headers });
      const reader = events.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      expect(first).toContain("event: progress");
      await server.stop("SIGTERM");
      expect([server.child.exitCode, server.child.signalCode]).toEqual([0, null]);
      expect(server.output()).not.toContain("stopping took longer");

      server = await startServerProcess([], env);
      const again = await fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "owner@example.com", password: "correct horse battery" }),
      });
      const cookie = { cookie: again.headers.get("set-cookie")!.split(";")[0]! };
      const record = (await (
        await fetch(`${server.url}/api/workspaces/${workspaceId}/imports/${importId}`, { headers: cookie })
      ).json()) as { status: string; eventsStored: number; error: { code: string; message: string } };
      expect(record).toMatchObject({
        status: "failed",
        eventsStored: 0,
        error: {
          code: "cancelled",
          message: "big.csv: the import was cancelled because the server stopped; nothing of it was stored",
        },
      });
      expect(
        await (
          await fetch(`${server.url}/api/workspaces/${workspaceId}/sources/${source.sourceId}`, { headers: cookie })
        ).json(),
      ).toMatchObject({ events: 0 });
    },
  );
});
