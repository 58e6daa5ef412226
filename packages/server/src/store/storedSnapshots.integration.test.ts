import { applyMapOperations, buildMapFromTemplate, docToSnapshot } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadConfig } from "../config.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../testing/testDatabases.js";
import { compactMapDocument } from "./compactMapDocument.js";
import { createMapDocumentService, type MapDocumentStore } from "./createMapDocumentService.js";
import { appendMapUpdate, loadMapDoc } from "./mapUpdateLog.js";
import { snapshotFormat } from "./snapshotFormat.js";

// The read snapshot stored beside a map's compacted state (issue 19): used only when it is exactly the state's, made by
// this code, with nothing logged after it; otherwise the snapshot is built from the document as before.
describe.each(testDialects)("snapshots stored with the compacted state on %s", (dialect) => {
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

  const newMap = async () =>
    (
      await store.create({
        workspaceId: ws.id,
        createdBy: ws.users.owner.id,
        snapshot: buildMapFromTemplate("service-blueprint", { locale: "fa" }),
      })
    ).id;

  /** The snapshot built from the stored document itself, as every read did before snapshots were stored. */
  const built = async (mapId: string) => {
    const { doc } = await loadMapDoc(t.db, mapId);
    const snapshot = docToSnapshot(doc);
    doc.destroy();
    return snapshot;
  };

  const storedRow = (mapId: string) =>
    t.db.kysely
      .selectFrom("map_states")
      .select(["snapshot", "snapshot_format"])
      .where("map_id", "=", mapId)
      .executeTakeFirstOrThrow();

  /** Replaces the stored snapshot's title, so a read shows whether it came from the stored copy. */
  async function markStored(mapId: string, title: string, format = snapshotFormat()): Promise<void> {
    const row = await storedRow(mapId);
    const snapshot = JSON.parse(row.snapshot!) as { settings: { title: string } };
    snapshot.settings.title = title;
    await t.db.kysely
      .updateTable("map_states")
      .set({ snapshot: JSON.stringify(snapshot), snapshot_format: format })
      .where("map_id", "=", mapId)
      .execute();
  }

  /** Opens a map as collaboration does, and lets the store find it open. */
  async function openLive(mapId: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    await store.loadLiveDocument(mapId, doc);
    store.attachLiveDocuments({
      get: async (id) => (id === mapId ? doc : undefined),
      deliver: async () => undefined,
      closeConnections: () => undefined,
      scratchOf: () => doc,
      discardScratchOf: () => undefined,
    });
    return doc;
  }

  /** An edit written to the log as another instance's editor would. */
  async function appendEdit(mapId: string, name: string): Promise<void> {
    const { doc } = await loadMapDoc(t.db, mapId);
    const captured: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => captured.push(u));
    applyMapOperations(doc, [{ op: "addStage", name }]);
    await appendMapUpdate(t.db, mapId, Y.mergeUpdates(captured));
  }

  it("stores a new map's snapshot with its state, exactly what building it from the document gives", async () => {
    const mapId = await newMap();
    const row = await storedRow(mapId);
    expect(row.snapshot_format).toBe(snapshotFormat());
    expect(JSON.parse(row.snapshot!)).toStrictEqual(await built(mapId));
    expect(await store.readSnapshot(mapId)).toStrictEqual(await built(mapId));
  });

  it("reads a closed map from the stored snapshot, and never from one the log has moved past", async () => {
    const mapId = await newMap();
    await markStored(mapId, "From the stored copy");
    expect((await store.readSnapshot(mapId)).settings.title).toBe("From the stored copy");
    await appendEdit(mapId, "Logged after the state");
    const read = await store.readSnapshot(mapId);
    expect(read.stages.at(-1)!.name).toBe("Logged after the state");
    expect(read.settings.title).not.toBe("From the stored copy");
  });

  it("ignores a snapshot another version of the code stored", async () => {
    const mapId = await newMap();
    await markStored(mapId, "Made by older code", "core:another-build");
    expect((await store.readSnapshot(mapId)).settings.title).not.toBe("Made by older code");
  });

  it("gives a map opened for editing the stored snapshot until its document changes", async () => {
    const mapId = await newMap();
    await markStored(mapId, "From the stored copy");
    const doc = await openLive(mapId);
    expect((await store.readSnapshot(mapId)).settings.title).toBe("From the stored copy");
    applyMapOperations(doc, [{ op: "addStage", name: "Live" }]);
    const changed = await store.readSnapshot(mapId);
    expect(changed.stages.at(-1)!.name).toBe("Live");
    expect(changed).toStrictEqual(docToSnapshot(doc));
  });

  it("opens a map with logged edits from its document, not from the stored snapshot", async () => {
    const mapId = await newMap();
    await appendEdit(mapId, "Logged");
    await markStored(mapId, "From the stored copy");
    const doc = await openLive(mapId);
    expect(await store.readSnapshot(mapId)).toStrictEqual(docToSnapshot(doc));
    expect((await store.readSnapshot(mapId)).stages.at(-1)!.name).toBe("Logged");
  });

  it("stores the folded state's snapshot when a map is compacted after everyone left, and none while it is edited", async () => {
    const mapId = await newMap();
    await appendEdit(mapId, "First");
    await compactMapDocument(t.db, mapId);
    expect(await storedRow(mapId)).toEqual({ snapshot: null, snapshot_format: null });
    await appendEdit(mapId, "Second");
    await compactMapDocument(t.db, mapId, { snapshot: true });
    const row = await storedRow(mapId);
    expect(row.snapshot_format).toBe(snapshotFormat());
    expect(JSON.parse(row.snapshot!)).toStrictEqual(await built(mapId));
    expect(
      JSON.parse(row.snapshot!)
        .stages.slice(-2)
        .map((s: { name: string }) => s.name),
    ).toEqual(["First", "Second"]);
  });

  it("gives a state kept from before snapshots were stored its snapshot at the next compaction after everyone left", async () => {
    const mapId = await newMap();
    await t.db.kysely
      .updateTable("map_states")
      .set({ snapshot: null, snapshot_format: null })
      .where("map_id", "=", mapId)
      .execute();
    expect(await store.readSnapshot(mapId)).toStrictEqual(await built(mapId));
    await compactMapDocument(t.db, mapId, { snapshot: true });
    const row = await storedRow(mapId);
    expect(row.snapshot_format).toBe(snapshotFormat());
    expect(JSON.parse(row.snapshot!)).toStrictEqual(await built(mapId));
  });
});
