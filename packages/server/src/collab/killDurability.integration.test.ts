import { applyMapOperations, buildMapFromTemplate, type MapSnapshot } from "@opencjm/core";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { createMapDocumentService } from "../store/createMapDocumentService.js";
import { connectCollabClient } from "../testing/collabClient.js";
import { buildWorkspace } from "../testing/factories.js";
import { startServerProcess, type ServerProcess } from "../testing/serverProcess.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../testing/testDatabases.js";

const cardTexts = (snapshot: MapSnapshot) =>
  new Set(snapshot.cells.flatMap((c) => c.cards.map((k) => ("text" in k ? k.text : ""))));

/**
 * PRODUCT.md §6: an edit the server acknowledged survives kill -9 at any moment. A collaboration client and an API
 * caller stream edits into a real server process, which is killed mid-stream; after a restart every edit that was
 * acknowledged (provider back to zero unsynced changes, or HTTP 200) must be in the map.
 */
describe.each(testDialects)("kill -9 durability on %s", (dialect) => {
  let t: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.stop("SIGKILL");
    await t?.dispose();
  });

  it("keeps every acknowledged edit from a live editor and from the API", async () => {
    t = await createTestDatabase(dialect);
    const ws = await buildWorkspace(t.db);
    const snapshot = buildMapFromTemplate("ecommerce", { locale: "en" });
    const lane = snapshot.lanes.find((l) => l.type === "actions")!;
    const step = snapshot.steps[0]!;
    const store = createMapDocumentService({ db: t.db, config: loadConfig({}, { dataDir: t.config.dataDir }) });
    const { id: mapId } = await store.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot });
    const env = { DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? "", COMPACT_AFTER_UPDATES: "25" };
    server = await startServerProcess([], env);
    const url = server.url;

    const client = await connectCollabClient(url, mapId, ws.users.owner.cookie);
    const sentByClient: string[] = [];
    const acked = new Set<string>();
    client.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
      // Zero unsynced changes: the server has acknowledged every update sent so far.
      if (number === 0) for (const text of sentByClient) acked.add(text);
    });
    let killed = false;
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const editor = (async () => {
      // Bursts of keystrokes; between bursts the provider drains to zero unsynced changes, which is when we learn
      // exactly which edits were acknowledged. The kill lands while a burst is in flight or draining.
      for (let i = 0; !killed && i < 5000;) {
        for (let burst = 0; burst < 5; burst++, i++) {
          const text = `collab-${i}`;
          applyMapOperations(client.doc, [
            { op: "addCard", laneId: lane.id, stepId: step.id, card: { kind: "action", text } },
          ]);
          sentByClient.push(text);
          await new Promise((r) => setImmediate(r));
        }
        await Promise.race([client.flushed(), stopped]);
      }
    })();
    const api = (async () => {
      for (let i = 0; !killed && i < 5000; i++) {
        const text = `api-${i}`;
        const res = await fetch(`${url}/api/workspaces/${ws.id}/maps/${mapId}/operations`, {
          method: "POST",
          headers: ws.users.editor.headers,
          body: JSON.stringify({
            operations: [{ op: "addCard", laneId: lane.id, stepId: step.id, card: { kind: "action", text } }],
          }),
        }).catch(() => undefined);
        if (res?.status === 200) acked.add(text);
      }
    })();

    await expect
      .poll(
        () =>
          [...acked].filter((x) => x.startsWith("collab")).length >= 60 &&
          [...acked].filter((x) => x.startsWith("api")).length >= 20,
        { timeout: 60_000, interval: 5 },
      )
      .toBe(true);
    await server.stop("SIGKILL");
    killed = true;
    stop();
    client.destroy();
    await Promise.all([editor, api]);
    const ackedAtKill = new Set(acked);

    server = await startServerProcess([], env);
    const res = await fetch(`${server.url}/api/workspaces/${ws.id}/maps/${mapId}`, { headers: ws.users.owner.headers });
    const stored = cardTexts(((await res.json()) as { snapshot: MapSnapshot }).snapshot);
    const lost = [...ackedAtKill].filter((text) => !stored.has(text));
    expect(lost).toEqual([]);
    expect(ackedAtKill.size).toBeGreaterThanOrEqual(80);
  }, 120_000);
});
