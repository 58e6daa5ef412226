import { applyMapOperations, docToSnapshot, MapSettingsSchema, createMapDocument } from "@opencjm/core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { startServer, type RunningServer } from "../startServer.js";
import { countMapUpdates, loadMapDoc } from "../store/mapUpdateLog.js";
import { connectCollabClient, type CollabClient } from "../testing/collabClient.js";
import { buildTokenHeaders, buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { testDialects } from "../testing/testDatabases.js";
import { createTestDatabase, type TestDatabase } from "../testing/testDatabases.js";

function starterSnapshot() {
  const doc = createMapDocument(MapSettingsSchema.parse({ title: "Onboarding", type: "currentState" }));
  applyMapOperations(doc, [
    { op: "addStage", id: "s1", name: "Sign up" },
    { op: "addStep", id: "p1", stageId: "s1", name: "Creates account" },
    { op: "addLane", id: "l1", type: "actions", name: "Actions" },
  ]);
  return docToSnapshot(doc);
}

const texts = (client: CollabClient) =>
  docToSnapshot(client.doc).cells.flatMap((c) => c.cards.map((k) => ("text" in k ? k.text : "")));

describe.each(testDialects)("collaboration on %s", (dialect) => {
  let t: TestDatabase;
  let server: RunningServer;
  let ws: TestWorkspace;
  let mapId: string;
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
          dataDir: mkdtempSync(join(tmpdir(), "cjm-collab-")),
          databaseUrl: t.config.databaseUrl,
          sqlitePath: t.config.sqlitePath,
        },
      ),
    );
    const db = server.services.db;
    ws = await buildWorkspace(db);
    mapId = (
      await server.services.maps.create({
        workspaceId: ws.id,
        createdBy: ws.users.owner.id,
        snapshot: starterSnapshot(),
      })
    ).id;
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

  it("two editors' concurrent edits converge and are stored", async () => {
    const a = await connectAs(ws.users.owner.cookie);
    const b = await connectAs(ws.users.editor.cookie);
    applyMapOperations(a.doc, [
      { op: "addCard", laneId: "l1", stepId: "p1", card: { kind: "action", text: "from owner" } },
    ]);
    applyMapOperations(b.doc, [
      { op: "addCard", laneId: "l1", stepId: "p1", card: { kind: "action", text: "from editor" } },
    ]);
    await Promise.all([a.flushed(), b.flushed()]);
    await expect.poll(() => texts(a).sort()).toEqual(["from editor", "from owner"]);
    await expect.poll(() => texts(b).sort()).toEqual(["from editor", "from owner"]);
    const stored = await server.services.maps.readSnapshot(mapId);
    expect(stored.cells[0]!.cards).toHaveLength(2);
  });

  it("stores the map's read snapshot with its state once everyone left, and the next opening reads it", async () => {
    const a = await connectAs(ws.users.owner.cookie);
    applyMapOperations(a.doc, [{ op: "addStage", name: "Activation" }]);
    await a.flushed();
    clients.splice(0).forEach((c) => c.destroy());
    const { hocuspocus } = server.collaboration;
    await expect
      .poll(
        async () => {
          const row = await server.services.db.kysely
            .selectFrom("map_states")
            .select("snapshot")
            .where("map_id", "=", mapId)
            .executeTakeFirst();
          const logged = await countMapUpdates(server.services.db, mapId);
          return hocuspocus.getDocumentsCount() === 0 && logged === 0 && row?.snapshot
            ? JSON.parse(row.snapshot)
            : null;
        },
        { timeout: 15_000 },
      )
      .toStrictEqual(docToSnapshot((await loadMapDoc(server.services.db, mapId)).doc));
    // Reopened, the live map's snapshot is that stored copy (marked here so the read shows where it came from).
    await server.services.db.kysely
      .updateTable("map_states")
      .set((eb) => ({
        snapshot: eb.fn("replace", ["snapshot", eb.val('"title":"Onboarding"'), eb.val('"title":"From the state"')]),
      }))
      .where("map_id", "=", mapId)
      .execute();
    const b = await connectAs(ws.users.editor.cookie);
    await expect.poll(() => docToSnapshot(b.doc).stages.map((s) => s.name)).toEqual(["Sign up", "Activation"]);
    expect((await server.services.maps.readSnapshot(mapId)).settings.title).toBe("From the state");
  });

  it("an edit made through the API reaches a live editor", async () => {
    const a = await connectAs(ws.users.editor.cookie);
    await server.services.maps.edit(
      mapId,
      (doc) => applyMapOperations(doc, [{ op: "addStage", name: "Activation" }]),
      "api",
    );
    await expect.poll(() => docToSnapshot(a.doc).stages.map((s) => s.name)).toEqual(["Sign up", "Activation"]);
  });

  it("a viewer sees changes but their own writes are refused and never stored", async () => {
    const editor = await connectAs(ws.users.editor.cookie);
    const viewer = await connectAs(ws.users.viewer.cookie);
    applyMapOperations(viewer.doc, [{ op: "addStage", name: "Viewer vandalism" }]);
    applyMapOperations(editor.doc, [{ op: "addStage", name: "Real stage" }]);
    await editor.flushed();
    await expect.poll(() => docToSnapshot(viewer.doc).stages.map((s) => s.name)).toContain("Real stage");
    expect(viewer.provider.hasUnsyncedChanges).toBe(true);
    const stored = await server.services.maps.readSnapshot(mapId);
    expect(stored.stages.map((s) => s.name)).toEqual(["Sign up", "Real stage"]);
    expect(docToSnapshot(editor.doc).stages.map((s) => s.name)).not.toContain("Viewer vandalism");
  });

  it("a read-only API token may watch but not write; a write token may write", async () => {
    const read = (await buildTokenHeaders(server.services.db, ws.users.editor.id, "read")).authorization!.slice(7);
    const write = (await buildTokenHeaders(server.services.db, ws.users.editor.id, "write")).authorization!.slice(7);
    const reader = await connectAs(read);
    const writer = await connectAs(write);
    applyMapOperations(reader.doc, [{ op: "addStage", name: "by read token" }]);
    applyMapOperations(writer.doc, [{ op: "addStage", name: "by write token" }]);
    await writer.flushed();
    const stored = await server.services.maps.readSnapshot(mapId);
    expect(stored.stages.map((s) => s.name)).toEqual(["Sign up", "by write token"]);
  });

  it("refuses strangers, outsiders and unknown maps", async () => {
    await expect(connectCollabClient(server.url, mapId, "not-a-session")).rejects.toThrow(/authentication failed/);
    await expect(connectCollabClient(server.url, mapId, ws.outsider.cookie)).rejects.toThrow(/authentication failed/);
    await expect(connectCollabClient(server.url, "map_doesnotexist", ws.users.owner.cookie)).rejects.toThrow(
      /authentication failed/,
    );
  });
});
