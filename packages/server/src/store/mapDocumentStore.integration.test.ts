import { applyMapOperations, buildMapFromTemplate, docToSnapshot } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadConfig } from "../config.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../testing/testDatabases.js";
import { compactMapDocument } from "./compactMapDocument.js";
import { createMapDocumentService, type MapDocumentStore } from "./createMapDocumentService.js";
import { appendMapUpdate, countMapUpdates, loadMapDoc } from "./mapUpdateLog.js";

describe.each(testDialects)("map document store on %s", (dialect) => {
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

  async function newMap() {
    return store.create({
      workspaceId: ws.id,
      createdBy: ws.users.owner.id,
      snapshot: buildMapFromTemplate("saas-onboarding", { locale: "ru" }),
    });
  }

  /** An update that adds a stage, made against the stored state as a client would. */
  async function stageUpdate(mapId: string, name: string): Promise<Uint8Array> {
    const { doc } = await loadMapDoc(t.db, mapId);
    const captured: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => captured.push(u));
    applyMapOperations(doc, [{ op: "addStage", name }]);
    return Y.mergeUpdates(captured);
  }

  it("reads back every appended update, before and after compaction", async () => {
    const map = await newMap();
    for (const name of ["A", "B", "C"]) await appendMapUpdate(t.db, map.id, await stageUpdate(map.id, name));
    const names = async () => (await store.readSnapshot(map.id)).stages.map((s) => s.name);
    expect((await names()).slice(-3)).toEqual(["A", "B", "C"]);
    expect(await countMapUpdates(t.db, map.id)).toBe(3);
    expect(await compactMapDocument(t.db, map.id)).toEqual({ folded: 3, quarantined: 0 });
    expect(await countMapUpdates(t.db, map.id)).toBe(0);
    expect((await names()).slice(-3)).toEqual(["A", "B", "C"]);
  });

  it("never drops an update appended while a compaction runs", async () => {
    const map = await newMap();
    for (let i = 0; i < 20; i++) await appendMapUpdate(t.db, map.id, await stageUpdate(map.id, `before-${i}`));
    const late = await Promise.all(Array.from({ length: 10 }, (_, i) => stageUpdate(map.id, `during-${i}`)));
    // Start compaction and append concurrently; some appends land before it reads the log, some after.
    await Promise.all([compactMapDocument(t.db, map.id), ...late.map((u) => appendMapUpdate(t.db, map.id, u))]);
    await compactMapDocument(t.db, map.id);
    const names = new Set((await store.readSnapshot(map.id)).stages.map((s) => s.name));
    for (let i = 0; i < 20; i++) expect(names).toContain(`before-${i}`);
    for (let i = 0; i < 10; i++) expect(names).toContain(`during-${i}`);
  });

  it("edit() is all-or-nothing and keeps the read snapshot, title and status in step", async () => {
    const map = await newMap();
    await expect(
      store.edit(
        map.id,
        (doc) =>
          applyMapOperations(doc, [
            { op: "addStage", name: "x" },
            { op: "deleteLane", laneId: "missing" },
          ]),
        "test",
      ),
    ).rejects.toThrow(/operations\[1\]/);
    expect(await countMapUpdates(t.db, map.id)).toBe(0);
    await store.edit(
      map.id,
      (doc) =>
        applyMapOperations(doc, [{ op: "updateSettings", settings: { title: "Онбординг 2.0", status: "published" } }]),
      "test",
    );
    expect(await store.find(ws.id, map.id)).toMatchObject({ title: "Онбординг 2.0", status: "published" });
    const row = await t.db.kysely
      .selectFrom("maps")
      .select("snapshot")
      .where("id", "=", map.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.snapshot)).toEqual(await store.readSnapshot(map.id));
  });

  it("compacts by itself once the log passes the configured size", async () => {
    const small = createMapDocumentService({
      db: t.db,
      config: loadConfig({}, { dataDir: t.config.dataDir, compactAfterUpdates: 5 }),
    });
    const map = await newMap();
    for (let i = 0; i < 6; i++)
      await small.edit(map.id, (doc) => applyMapOperations(doc, [{ op: "addStage", name: `s${i}` }]), "test");
    expect(await countMapUpdates(t.db, map.id)).toBeLessThan(5);
    expect(
      docToSnapshot((await loadMapDoc(t.db, map.id)).doc)
        .stages.map((s) => s.name)
        .slice(-6),
    ).toEqual(["s0", "s1", "s2", "s3", "s4", "s5"]);
  });

  it("removes a map with its log and state", async () => {
    const map = await newMap();
    await appendMapUpdate(t.db, map.id, await stageUpdate(map.id, "A"));
    await store.remove(map.id);
    expect(await store.find(ws.id, map.id)).toBeUndefined();
    expect(await countMapUpdates(t.db, map.id)).toBe(0);
  });
});
