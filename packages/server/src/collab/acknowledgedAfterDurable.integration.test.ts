import { applyMapOperations, buildMapFromTemplate, docToSnapshot } from "@opencjm/core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { loadConfig } from "../config.js";
import type { Db } from "../db/createDb.js";
import { startServer, type RunningServer } from "../startServer.js";
import { loadMapDoc } from "../store/mapUpdateLog.js";
import { connectCollabClient, type CollabClient } from "../testing/collabClient.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../testing/testDatabases.js";

const cardTexts = (doc: Y.Doc) =>
  new Set(docToSnapshot(doc).cells.flatMap((c) => c.cards.map((k) => ("text" in k ? k.text : ""))));

/** What a restart would find: the compacted state plus the log, read from the database (not the live map). */
async function durableTexts(db: Db, mapId: string): Promise<Set<string>> {
  const { doc } = await loadMapDoc(db, mapId);
  try {
    return cardTexts(doc);
  } finally {
    doc.destroy();
  }
}

/** Makes the database itself refuse every map update written by `authorId` (a real failing write, no mock). */
async function refuseWritesBy(db: Db, authorId: string): Promise<void> {
  if (db.dialect === "sqlite") {
    await sql
      .raw(
        `CREATE TRIGGER refuse_writes BEFORE INSERT ON map_updates WHEN NEW.author_id = '${authorId}'
         BEGIN SELECT RAISE(ABORT, 'the disk refused the write'); END`,
      )
      .execute(db.kysely);
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION refuse_writes() RETURNS trigger AS $$ BEGIN
         IF NEW.author_id = '${authorId}' THEN RAISE EXCEPTION 'the disk refused the write'; END IF;
         RETURN NEW;
       END $$ LANGUAGE plpgsql`,
    )
    .execute(db.kysely);
  await sql
    .raw(`CREATE TRIGGER refuse_writes BEFORE INSERT ON map_updates FOR EACH ROW EXECUTE FUNCTION refuse_writes()`)
    .execute(db.kysely);
}

/**
 * PRODUCT.md §6 with group commit (issue 19): live editors' updates are committed in groups, and an update is
 * acknowledged to its sender and shown to the others only once its group is on disk.
 */
describe.each(testDialects)("acknowledged only when durable, on %s", (dialect) => {
  let t: TestDatabase;
  let server: RunningServer;
  let ws: TestWorkspace;
  let mapId: string;
  let laneId: string;
  let stepIds: string[];
  const clients: CollabClient[] = [];

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    await t.db.close();
    server = await startServer(
      loadConfig(
        {},
        {
          port: 0,
          host: "127.0.0.1",
          dataDir: mkdtempSync(join(tmpdir(), "cjm-collab-durable-")),
          databaseUrl: t.config.databaseUrl,
          sqlitePath: t.config.sqlitePath,
        },
      ),
    );
    ws = await buildWorkspace(server.services.db);
    const snapshot = buildMapFromTemplate("ecommerce", { locale: "en" });
    laneId = snapshot.lanes.find((l) => l.type === "actions")!.id;
    stepIds = snapshot.steps.map((s) => s.id);
    mapId = (await server.services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot })).id;
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    await t.dispose();
  });

  async function connectAs(token: string) {
    const client = await connectCollabClient(server.url, mapId, token);
    clients.push(client);
    return client;
  }

  const addCard = (client: CollabClient, text: string, step = 0) =>
    applyMapOperations(client.doc, [
      { op: "addCard", laneId, stepId: stepIds[step % stepIds.length]!, card: { kind: "action", text } },
    ]);

  it("an edit the database fails to store is never acknowledged nor shown to the others", async () => {
    await refuseWritesBy(server.services.db, ws.users.editor.id);
    const owner = await connectAs(ws.users.owner.cookie);
    const editor = await connectAs(ws.users.editor.cookie);
    let editorDropped = false;
    editor.provider.on("close", () => (editorDropped = true));
    // Sent in the same turn: the owner's update may share the editor's group, and must not fail with it.
    addCard(editor, "never stored");
    addCard(owner, "stored");
    await owner.flushed();
    await expect.poll(() => editorDropped, { timeout: 10_000 }).toBe(true);
    expect(editor.provider.hasUnsyncedChanges).toBe(true);
    expect(cardTexts(owner.doc).has("never stored")).toBe(false);
    const stored = await durableTexts(server.services.db, mapId);
    expect(stored.has("stored")).toBe(true);
    expect(stored.has("never stored")).toBe(false);
    // The server is still up and keeps storing the others' edits.
    addCard(owner, "stored afterwards");
    await owner.flushed();
    expect((await durableTexts(server.services.db, mapId)).has("stored afterwards")).toBe(true);
  });

  it("stores every edit of 30 editors typing at the same moment before acknowledging it", async () => {
    const editors = await Promise.all(Array.from({ length: 30 }, () => connectAs(ws.users.editor.cookie)));
    const sent: string[] = [];
    for (let round = 0; round < 5; round++) {
      editors.forEach((editor, i) => {
        const text = `editor ${i} edit ${round}`;
        addCard(editor, text, i);
        sent.push(text);
      });
    }
    await Promise.all(editors.map((e) => e.flushed()));
    const stored = await durableTexts(server.services.db, mapId);
    expect(sent.filter((text) => !stored.has(text))).toEqual([]);
    await expect.poll(() => sent.filter((text) => !cardTexts(editors[0]!.doc).has(text))).toEqual([]);
  });
});
