import { applyMapOperations, buildMapFromTemplate } from "@opencjm/core";
import * as Y from "yjs";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { buildWorkspace } from "../testing/factories.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../testing/testDatabases.js";
import { compactMapDocument } from "./compactMapDocument.js";
import { createMapDocumentService } from "./createMapDocumentService.js";
import { appendMapUpdate } from "./mapUpdateLog.js";

/**
 * Issue 11 item 2: one unreadable row in a map's update log (written before updates were checked, or damaged on disk)
 * must not make the map unreadable. Reads skip it and report it; compaction moves it to the quarantine table and
 * keeps every readable edit around it.
 */
describe.each(testDialects)("unreadable map updates on %s", (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.dispose());

  it("skips an unreadable row on read, quarantines it on compaction, and keeps the edits around it", async () => {
    t = await createTestDatabase(dialect);
    const ws = await buildWorkspace(t.db);
    const maps = createMapDocumentService({ db: t.db, config: loadConfig({}, { dataDir: t.config.dataDir }) });
    const { id: mapId } = await maps.create({
      workspaceId: ws.id,
      createdBy: ws.users.owner.id,
      snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
    });
    await maps.edit(mapId, (doc) => applyMapOperations(doc, [{ op: "addStage", name: "Before the bad row" }]), "api");
    const garbage = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await appendMapUpdate(t.db, mapId, garbage);
    const truncated = (() => {
      const doc = new Y.Doc();
      doc.getMap("x").set("k", "some text to cut short");
      const full = Y.encodeStateAsUpdate(doc);
      return full.slice(0, full.length - 4);
    })();
    await appendMapUpdate(t.db, mapId, truncated);
    await maps.edit(mapId, (doc) => applyMapOperations(doc, [{ op: "addStage", name: "After the bad rows" }]), "api");

    const read = await maps.readSnapshot(mapId);
    expect(read.stages.map((s) => s.name).slice(-2)).toEqual(["Before the bad row", "After the bad rows"]);

    expect(await compactMapDocument(t.db, mapId)).toEqual({ folded: 2, quarantined: 2 });
    const quarantined = await t.db.kysely
      .selectFrom("map_update_quarantine")
      .select(["map_id", "update", "reason"])
      .orderBy("update_id")
      .execute();
    expect(quarantined.map((q) => [q.map_id, [...new Uint8Array(q.update)]])).toEqual([
      [mapId, [...garbage]],
      [mapId, [...truncated]],
    ]);
    expect(quarantined.every((q) => q.reason.length > 0)).toBe(true);
    expect(await t.db.kysely.selectFrom("map_updates").select("id").where("map_id", "=", mapId).execute()).toEqual([]);
    const after = await maps.readSnapshot(mapId);
    expect(after.stages.map((s) => s.name).slice(-2)).toEqual(["Before the bad row", "After the bad rows"]);

    await maps.remove(mapId);
    expect(await t.db.kysely.selectFrom("map_update_quarantine").select("update_id").execute()).toEqual([]);
  });
});
