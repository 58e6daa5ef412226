import { applyMapOperations, buildMapFromTemplate } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadConfig } from "../config.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../testing/testDatabases.js";
import { compactMapDocument } from "./compactMapDocument.js";
import { createMapDocumentService, type MapDocumentStore } from "./createMapDocumentService.js";
import { appendMapUpdate, loadMapDoc } from "./mapUpdateLog.js";

describe.each(testDialects)("read snapshots on %s", (dialect) => {
  let t: TestDatabase;
  let ws: TestWorkspace;
  let store: MapDocumentStore;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    ws = await buildWorkspace(t.db);
    store = createMapDocumentService({
      db: t.db,
      config: loadConfig({}, { dataDir: t.config.dataDir, compactAfterUpdates: 1000 }),
    });
  });
  afterEach(() => t.dispose());

  const newMap = () =>
    store.create({
      workspaceId: ws.id,
      createdBy: ws.users.owner.id,
      snapshot: buildMapFromTemplate("saas-onboarding", { locale: "en" }),
    });

  /** An update adding a stage, written to the log as another instance's editor would (bypassing this store). */
  async function appendStage(mapId: string, name: string): Promise<void> {
    const { doc } = await loadMapDoc(t.db, mapId);
    const captured: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => captured.push(u));
    applyMapOperations(doc, [{ op: "addStage", name }]);
    await appendMapUpdate(t.db, mapId, Y.mergeUpdates(captured));
  }

  const stageNames = async (mapId: string) => (await store.readSnapshot(mapId)).stages.map((s) => s.name);

  it("answers concurrent reads of a closed map with one shared, frozen snapshot", async () => {
    const map = await newMap();
    const reads = await Promise.all([1, 2, 3, 4].map(() => store.readSnapshot(map.id)));
    expect(new Set(reads).size).toBe(1);
    expect(Object.isFrozen(reads[0]!.stages[0])).toBe(true);
    // A reader that tried to change the shared copy is stopped rather than changing what others read.
    expect(() => (reads[0]!.stages as unknown as unknown[]).push({})).toThrow(TypeError);
    expect(await store.readSnapshot(map.id)).toBe(reads[0]);
  });

  it("never answers from a snapshot older than the log: appends by others, edits and compaction show at once", async () => {
    const map = await newMap();
    const before = await stageNames(map.id);
    await appendStage(map.id, "Written elsewhere");
    expect(await stageNames(map.id)).toEqual([...before, "Written elsewhere"]);
    await store.edit(map.id, (doc) => applyMapOperations(doc, [{ op: "addStage", name: "Through the API" }]), "api:x");
    expect(await stageNames(map.id)).toEqual([...before, "Written elsewhere", "Through the API"]);
    await compactMapDocument(t.db, map.id);
    expect(await stageNames(map.id)).toEqual([...before, "Written elsewhere", "Through the API"]);
    await appendStage(map.id, "After compaction");
    expect((await stageNames(map.id)).at(-1)).toBe("After compaction");
  });

  it("follows an open map's document as it changes", async () => {
    const map = await newMap();
    const { doc } = await loadMapDoc(t.db, map.id);
    store.attachLiveDocuments({
      get: async (id) => (id === map.id ? doc : undefined),
      deliver: async () => undefined,
      closeConnections: () => undefined,
      scratchOf: () => doc,
      discardScratchOf: () => undefined,
    });
    const first = await store.readSnapshot(map.id);
    expect(await store.readSnapshot(map.id)).toBe(first);
    applyMapOperations(doc, [{ op: "addStage", name: "Live" }]);
    expect((await stageNames(map.id)).at(-1)).toBe("Live");
    expect(first.stages.map((s) => s.name)).not.toContain("Live");
  });

  it("forgets a deleted map", async () => {
    const map = await newMap();
    await store.readSnapshot(map.id);
    await store.remove(map.id);
    await expect(store.readSnapshot(map.id)).rejects.toThrow();
  });
});
