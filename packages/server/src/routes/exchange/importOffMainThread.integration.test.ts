import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_PATH, runCli, startServerProcess, type ServerProcess } from "../../testing/serverProcess.js";

/** A CSV grid like our export: 40 steps × 20 action lanes × 25 cards = 20,000 cards, as many as a map holds. */
function fullGrid(): string {
  const rows = [
    ["Stage", ...Array.from({ length: 40 }, (_, i) => `Stage ${Math.floor(i / 10)}`)],
    ["Step", ...Array.from({ length: 40 }, (_, i) => `Step ${i}`)],
  ];
  for (let l = 0; l < 20; l++)
    rows.push([
      `Actions ${l}`,
      ...Array.from({ length: 40 }, (_, s) => Array.from({ length: 25 }, (_, c) => `Card ${l}-${s}-${c}`).join("\n")),
    ]);
  return rows.map((r) => r.map((v) => `"${v}"`).join(",")).join("\r\n");
}

/** The Mermaid journey of the report: 50,000 tasks, 1.3 MB. */
function hugeJourney(): string {
  const lines = ["journey", "  title Huge"];
  for (let i = 0; i < 50_000; i++) lines.push(`    Task number ${i}: ${1 + (i % 5)}: Me`);
  return lines.join("\n");
}

// Import parsing runs on a worker thread, and worker threads run compiled JavaScript: this test drives the built
// server (`npm run build`) in its own process, so the test's requests are not held up by the server's main thread.
describe("map import parses files off the main thread (compiled server)", () => {
  let dir: string;
  let server: ServerProcess;
  let headers: Record<string, string>;
  let base: string;

  beforeAll(async () => {
    expect(existsSync(CLI_PATH), "run `npm run build` first").toBe(true);
    dir = mkdtempSync(join(tmpdir(), "cjm-import-thread-"));
    const env = { DATA_DIR: join(dir, "data"), DATABASE_URL: "" };
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
    headers = {
      cookie: login.headers.get("set-cookie")!.split(";")[0]!,
      "x-csrf-token": csrfToken,
      "content-type": "application/json",
    };
    const [workspace] = (await (await fetch(`${server.url}/api/workspaces`, { headers })).json()) as Array<{
      id: string;
    }>;
    base = `${server.url}/api/workspaces/${workspace!.id}/maps`;
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const send = (path: string, name: string, content: string) =>
    fetch(`${base}/${path}`, { method: "POST", headers, body: JSON.stringify({ name, content }) });

  it("answers /api/health all the while a file as large as a map can be is parsed, then imports it; the full map refuses one more card", async () => {
    const file = fullGrid();
    const preview = send("import/preview", "full.csv", file);
    let pending = true;
    void preview.finally(() => (pending = false));
    let answered = 0;
    while (pending) {
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      answered++;
    }
    const res = await preview;
    expect([res.status, ((await res.json()) as { counts: { cards: number } }).counts.cards]).toEqual([200, 20_000]);
    // Parsed in-process, the server answered only the few health checks sent before and after the parse.
    expect(answered).toBeGreaterThan(50);
    const imported = await send("import", "full.csv", file);
    const { mapId, preview: summary } = (await imported.json()) as {
      mapId: string;
      preview: { counts: { cards: number } };
    };
    expect([imported.status, summary.counts.cards]).toEqual([201, 20_000]);

    // The map is full: editing a card works, one more card is refused naming the limit and the count.
    const { snapshot } = (await (await fetch(`${base}/${mapId}`, { headers })).json()) as {
      snapshot: { cells: Array<{ laneId: string; stepId: string; cards: Array<{ id: string }> }> };
    };
    const cell = snapshot.cells[0]!;
    const edit = (operations: unknown[]) =>
      fetch(`${base}/${mapId}/operations`, { method: "POST", headers, body: JSON.stringify({ operations }) });
    expect(
      (await edit([{ op: "updateCard", cardId: cell.cards[0]!.id, fields: { text: "Edited on a full map" } }])).status,
    ).toBe(200);
    const refused = await edit([
      { op: "addCard", laneId: cell.laneId, stepId: cell.stepId, card: { kind: "action", text: "One too many" } },
    ]);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect([refused.status, body.error.code, body.error.message]).toEqual([
      422,
      "invalid_operation",
      "operations[0]: 20,001 cards is more than a map can hold (at most 20,000)",
    ]);
  }, 120_000);

  it("sends a refusal found on the worker back as the same clear error", async () => {
    const res = await send("import", "huge.mmd", hugeJourney());
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect([res.status, body.error.code, body.error.message]).toEqual([
      400,
      "invalid_file",
      "file: 50,000 steps is more than a map can hold (at most 500)",
    ]);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 60_000);
});
