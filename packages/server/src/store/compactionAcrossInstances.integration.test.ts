import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createMapDocumentService } from "./createMapDocumentService.js";
import { appendMapUpdate, loadMapDoc } from "./mapUpdateLog.js";
import { buildWorkspace } from "../testing/factories.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../testing/testDatabases.js";
import { loadConfig } from "../config.js";
import { buildMapFromTemplate } from "@opencjm/core";

// Each worker is a separate instance as far as compaction knows: its own database pool and its own module state
// (the in-process document lock is per module instance), running the compiled code `npm test` builds first.
const COMPACT = fileURLToPath(new URL("../../dist/store/compactMapDocument.js", import.meta.url));
const CREATE_DB = fileURLToPath(new URL("../../dist/db/createDb.js", import.meta.url));
const WORKER = `
const { workerData, parentPort } = require("node:worker_threads");
(async () => {
  const { createDb } = await import(workerData.createDb);
  const { compactMapDocument } = await import(workerData.compact);
  const db = createDb({ databaseUrl: workerData.databaseUrl, sqlitePath: "unused" });
  let stop = false;
  parentPort.on("message", () => (stop = true));
  let runs = 0;
  while (!stop) { await compactMapDocument(db, workerData.mapId); runs += 1; }
  await db.close();
  parentPort.postMessage(runs);
})();
`;

describe.each(testDialects.filter((d) => d === "postgres"))("two instances compacting one map on %s", (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(() => t.dispose());

  it("lose none of the edits appended while both fold the log again and again", async () => {
    const ws = await buildWorkspace(t.db);
    const maps = createMapDocumentService({ db: t.db, config: loadConfig({}, { dataDir: t.config.dataDir }) });
    const map = await maps.create({
      workspaceId: ws.id,
      createdBy: ws.users.owner.id,
      snapshot: buildMapFromTemplate("saas-onboarding", { locale: "en" }),
    });
    const workers = [0, 1].map(
      () =>
        new Worker(WORKER, {
          eval: true,
          workerData: { createDb: CREATE_DB, compact: COMPACT, databaseUrl: t.config.databaseUrl, mapId: map.id },
        }),
    );
    // Edits arrive one after another, as acknowledged edits do, while both instances compact.
    const author = new Y.Doc();
    const EDITS = 400;
    for (let i = 0; i < EDITS; i++) {
      let update: Uint8Array | undefined;
      author.once("update", (u: Uint8Array) => (update = u));
      author.getMap("test").set(`edit${i}`, i);
      await appendMapUpdate(t.db, map.id, update!);
    }
    const runs = await Promise.all(
      workers.map(
        (worker) =>
          new Promise<number>((resolve, reject) => {
            worker.once("message", (n: number) => resolve(n));
            worker.once("error", reject);
            worker.postMessage("stop");
          }),
      ),
    );
    expect(runs.every((n) => n > 0)).toBe(true);
    const { doc } = await loadMapDoc(t.db, map.id);
    const kept = [...doc.getMap("test").keys()];
    expect(kept.length).toBe(EDITS);
  });
});
