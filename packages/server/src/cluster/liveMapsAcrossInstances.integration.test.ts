import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMapOperations, docToSnapshot } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { loadConfig } from "../config.js";
import { createMapDocumentService } from "../store/createMapDocumentService.js";
import { connectCollabClient, type CollabClient } from "../testing/collabClient.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { templateMapWithCard } from "../testing/templateMapWithCard.js";
import { startTestRedis, type TestRedis } from "../testing/redisServer.js";
import { startServerProcess, type ServerProcess } from "../testing/serverProcess.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../testing/testDatabases.js";

const cardTexts = (doc: Y.Doc) =>
  new Set(docToSnapshot(doc).cells.flatMap((cell) => cell.cards.map((card) => ("text" in card ? card.text : ""))));

/** Waits until `check` holds (or fails the test after 20 s naming what it waited for). */
async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  await expect.poll(check, { timeout: 20_000, message: `waiting until ${what}` }).toBe(true);
}

const presentNames = (client: CollabClient) =>
  [...client.provider.awareness!.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name);

// Several instances need PostgreSQL (SQLite serves one instance alone), so this runs where PostgreSQL does.
describe.each(testDialects.filter((d) => d === "postgres"))("two instances sharing %s and Redis", (dialect) => {
  let t: TestDatabase;
  let redis: TestRedis;
  let a: ServerProcess;
  let b: ServerProcess;
  let ws: TestWorkspace;
  let env: NodeJS.ProcessEnv;
  const clients: CollabClient[] = [];
  const extra: ServerProcess[] = [];
  const newMap = async () => {
    const store = createMapDocumentService({ db: t.db, config: loadConfig({}, { dataDir: t.config.dataDir }) });
    // A card of its own: templates hold none (their prompts are placeholders), and the tests read cards.
    const snapshot = templateMapWithCard("ecommerce", "actions", { kind: "action", text: "Searches for shoes" });
    const map = await store.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot });
    return { id: map.id, laneId: snapshot.lanes.find((l) => l.type === "actions")!.id, stepId: snapshot.steps[0]!.id };
  };
  const connect = async (server: ServerProcess, mapId: string) => {
    const client = await connectCollabClient(server.url, mapId, ws.users.owner.cookie);
    clients.push(client);
    return client;
  };
  // Each instance has its own data folder: only the database and Redis are shared.
  const instance = () => startServerProcess([], { ...env, DATA_DIR: mkdtempSync(join(tmpdir(), "opencjm-instance-")) });

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    redis = await startTestRedis();
    ws = await buildWorkspace(t.db);
    env = { DATABASE_URL: t.config.databaseUrl, REDIS_URL: redis.url, REDIS_PREFIX: "cluster-test" };
    [a, b] = await Promise.all([instance(), instance()]);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await Promise.all([a, b, ...extra].map((server) => server?.stop("SIGKILL")));
    await redis?.stop();
    await t?.dispose();
  });

  it("says each instance is ready and shared", async () => {
    for (const server of [a, b]) {
      const res = await fetch(`${server.url}/api/ready`);
      expect([res.status, ((await res.json()) as { shared: boolean }).shared]).toEqual([200, true]);
    }
  });

  it("shows an edit made on one instance to an editor on the other, and presence crosses too", async () => {
    const map = await newMap();
    const onA = await connect(a, map.id);
    const onB = await connect(b, map.id);
    applyMapOperations(onA.doc, [
      { op: "addCard", laneId: map.laneId, stepId: map.stepId, card: { kind: "action", text: "typed on A" } },
    ]);
    await until("B sees A's card", () => cardTexts(onB.doc).has("typed on A"));
    applyMapOperations(onB.doc, [
      { op: "addCard", laneId: map.laneId, stepId: map.stepId, card: { kind: "action", text: "typed on B" } },
    ]);
    await until("A sees B's card", () => cardTexts(onA.doc).has("typed on B"));
    onA.provider.setAwarenessField("user", { name: "Ann on A" });
    await until("B sees Ann", () => presentNames(onB).includes("Ann on A"));
  });

  it("brings an API edit made through one instance to editors on both", async () => {
    const map = await newMap();
    const onA = await connect(a, map.id);
    const onB = await connect(b, map.id);
    for (const [server, text] of [
      [a, "API call to A"],
      [b, "API call to B"],
    ] as const) {
      const res = await fetch(`${server.url}/api/workspaces/${ws.id}/maps/${map.id}/operations`, {
        method: "POST",
        headers: { ...ws.users.owner.headers, "content-type": "application/json" },
        body: JSON.stringify({
          operations: [{ op: "addCard", laneId: map.laneId, stepId: map.stepId, card: { kind: "action", text } }],
        }),
      });
      expect(res.status).toBe(200);
    }
    for (const client of [onA, onB])
      await until("both API edits arrive", () =>
        ["API call to A", "API call to B"].every((x) => cardTexts(client.doc).has(x)),
      );
    // Open only on B: an edit through A still reaches it.
    const lonely = await newMap();
    const onlyOnB = await connect(b, lonely.id);
    const res = await fetch(`${a.url}/api/workspaces/${ws.id}/maps/${lonely.id}/operations`, {
      method: "POST",
      headers: { ...ws.users.owner.headers, "content-type": "application/json" },
      body: JSON.stringify({
        operations: [
          {
            op: "addCard",
            laneId: lonely.laneId,
            stepId: lonely.stepId,
            card: { kind: "action", text: "to a map open elsewhere" },
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    await until("B's editor sees it", () => cardTexts(onlyOnB.doc).has("to a map open elsewhere"));
  });

  it("opens a socket on one instance with a ticket fetched from the other, once", async () => {
    const map = await newMap();
    const res = await fetch(`${a.url}/api/collab/ticket`, { headers: ws.users.owner.headers });
    const { ticket } = (await res.json()) as { ticket: string };
    const client = await connectCollabClient(b.url, map.id, ticket);
    clients.push(client);
    expect(cardTexts(client.doc).size).toBeGreaterThan(0);
    await expect(connectCollabClient(a.url, map.id, ticket)).rejects.toThrow(/authentication failed/);
  });

  it("disconnects editors on the other instance when a map is deleted", async () => {
    const map = await newMap();
    const onB = await connect(b, map.id);
    let closed = false;
    onB.provider.on("close", () => (closed = true));
    onB.provider.on("authenticationFailed", () => (closed = true));
    const res = await fetch(`${a.url}/api/workspaces/${ws.id}/maps/${map.id}`, {
      method: "DELETE",
      headers: ws.users.owner.headers,
    });
    expect(res.status).toBe(200);
    await until("B's editor is disconnected", () => closed);
  });

  it("keeps every acknowledged edit when an instance is killed mid-stream, and takes its editors off others' presence", async () => {
    const map = await newMap();
    const doomed = await instance();
    extra.push(doomed);
    const watcher = await connect(a, map.id);
    const writer = await connect(doomed, map.id);
    writer.provider.setAwarenessField("user", { name: "Writer on the doomed instance" });
    await until("A sees the writer", () => presentNames(watcher).includes("Writer on the doomed instance"));
    const sent: string[] = [];
    const acked = new Set<string>();
    writer.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
      if (number === 0) for (const text of sent) acked.add(text);
    });
    // Bursts of edits, each burst drained to zero unsynced changes (acknowledged); the kill lands mid-stream.
    let killed: Promise<void> | undefined;
    for (let i = 0; i < 40; i++) {
      const text = `streamed ${i}`;
      applyMapOperations(writer.doc, [
        { op: "addCard", laneId: map.laneId, stepId: map.stepId, card: { kind: "action", text } },
      ]);
      sent.push(text);
      if (i % 5 === 4 && !killed) await writer.flushed();
      if (i === 24) killed = doomed.stop("SIGKILL");
      await new Promise((r) => setImmediate(r));
    }
    await doomed.stop("SIGKILL");
    expect(acked.size).toBeGreaterThanOrEqual(20);
    await until(
      "the writer leaves A's presence",
      () => !presentNames(watcher).includes("Writer on the doomed instance"),
    );
    // Its editor, routed to a surviving instance, finds every acknowledged edit there.
    const reconnected = await connect(b, map.id);
    const kept = cardTexts(reconnected.doc);
    expect([...acked].filter((text) => !kept.has(text))).toEqual([]);
    await until("A's editor has them too", () => [...acked].every((text) => cardTexts(watcher.doc).has(text)));
  }, 60_000);

  it("reports an instance not ready once Redis is gone, naming Redis", async () => {
    await redis.stop();
    await until("readiness says 503", async () => (await fetch(`${a.url}/api/ready`)).status === 503);
    const body = (await (await fetch(`${a.url}/api/ready`)).json()) as { ready: boolean; reason: string };
    expect(body.ready).toBe(false);
    expect(body.reason).toMatch(/^redis: /);
  });
});
