import { applyMapOperations, createMapDocument, docToSnapshot, MapSettingsSchema } from "@opencjm/core";
import { seededRandom } from "@opencjm/analytics";
import * as encoding from "lib0/encoding";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { startServer, type RunningServer } from "../startServer.js";
import { unreadableUpdateReason } from "../store/readableUpdate.js";
import { connectCollabClient } from "../testing/collabClient.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import {
  authMessage,
  collabMessage,
  MESSAGE,
  openRawCollabSocket,
  SYNC,
  updateMessage,
  type RawCollabSocket,
} from "../testing/rawCollabSocket.js";
import { createTestDatabase, type TestDatabase } from "../testing/testDatabases.js";
import { COLLAB_CLOSE } from "./socketGuard.js";

const CASES = 2_000;

/**
 * A bounded fuzz run against a real server (issue 11): a few thousand random and mutated collaboration messages from
 * an authenticated writer. Whatever arrives, the server keeps answering, every update it stored can be read back, the
 * map stays readable, and each socket it closes gets one of the documented close codes.
 */
describe("collaboration fuzzing", () => {
  let t: TestDatabase;
  let server: RunningServer;
  let ws: TestWorkspace;
  let mapId: string;

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await t.db.close();
    server = await startServer(
      loadConfig(
        {},
        {
          port: 0,
          host: "127.0.0.1",
          dataDir: mkdtempSync(join(tmpdir(), "cjm-fuzz-")),
          sqlitePath: t.config.sqlitePath,
        },
      ),
    );
    ws = await buildWorkspace(server.services.db);
    const doc = createMapDocument(MapSettingsSchema.parse({ title: "Fuzzed", type: "currentState" }));
    applyMapOperations(doc, [
      { op: "addStage", id: "s1", name: "Stage" },
      { op: "addStep", id: "p1", stageId: "s1", name: "Step" },
      { op: "addLane", id: "l1", type: "actions", name: "Actions" },
    ]);
    mapId = (
      await server.services.maps.create({
        workspaceId: ws.id,
        createdBy: ws.users.owner.id,
        snapshot: docToSnapshot(doc),
      })
    ).id;
  });

  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it(`survives ${CASES} random and mutated messages from a writer`, async () => {
    const random = seededRandom(11);
    const int = (n: number) => Math.floor(random() * n);
    // Valid material to mutate: real updates a provider would send, built on the map's own content.
    const editor = await connectCollabClient(server.url, mapId, ws.users.editor.cookie);
    const valid: Uint8Array[] = [];
    editor.doc.on("update", (u: Uint8Array) => valid.push(updateMessage(mapId, u)));
    for (let i = 0; i < 20; i++)
      applyMapOperations(editor.doc, [
        { op: "addCard", laneId: "l1", stepId: "p1", card: { kind: "action", text: `card ${i}` } },
      ]);
    await editor.flushed();
    editor.destroy();
    const stateVector = Y.encodeStateVector(new Y.Doc());
    const probe = collabMessage(
      mapId,
      MESSAGE.sync,
      (e) => (encoding.writeVarUint(e, SYNC.step1), encoding.writeVarUint8Array(e, stateVector)),
    );
    valid.push(probe);

    const closeCodes = new Set<number>();
    let socket: RawCollabSocket | undefined;
    let closesSeen = 0;
    const open = async () => {
      socket = await openRawCollabSocket(server.url);
      void socket.closed.then(({ code }) => closeCodes.add(code));
      socket.send(authMessage(mapId, ws.users.editor.cookie));
      await socket.waitFor((m) => m.detail === "authenticated");
      closesSeen = 0;
    };
    for (let i = 0; i < CASES; i++) {
      const docClosed = socket ? socket.received.filter((m) => m.type === MESSAGE.close).length > closesSeen : false;
      if (!socket || socket.ws.readyState !== socket.ws.OPEN || docClosed) {
        socket?.ws.terminate();
        await open();
      }
      const kind = int(4);
      let message: Uint8Array;
      if (kind === 0) message = Uint8Array.from({ length: 1 + int(200) }, () => int(256));
      else if (kind === 1)
        message = collabMessage(mapId, int(12), (e) =>
          encoding.writeUint8Array(
            e,
            Uint8Array.from({ length: int(64) }, () => int(256)),
          ),
        );
      else {
        message = valid[int(valid.length)]!.slice();
        const flips = kind === 2 ? 1 + int(3) : 0;
        for (let f = 0; f < flips; f++) message[int(message.length)] = int(256);
        if (kind === 3) message = message.slice(0, Math.max(1, int(message.length)));
      }
      // Wait for the server's answer (or its silence) before the next case, so each is handled on its own.
      const seen = socket!.received.length;
      socket!.send(message);
      socket!.send(probe);
      await new Promise<void>((resolve) => {
        const started = Date.now();
        const poll = () =>
          socket!.received.length > seen || Date.now() - started > 50 ? resolve() : setTimeout(poll, 2);
        poll();
      });
      if (i % 100 === 99) expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    }
    socket?.ws.close();
    await socket?.closed;

    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const rows = await server.services.db.kysely
      .selectFrom("map_updates")
      .select("update")
      .where("map_id", "=", mapId)
      .execute();
    expect(rows.map((r) => unreadableUpdateReason(new Uint8Array(r.update))).filter(Boolean)).toEqual([]);
    // Ours, the WebSocket protocol's, and Hocuspocus' own "reset connection" (4205) for a message it cannot decode.
    const allowed = new Set([1000, 1002, 1005, 1006, 1007, 1009, 4205, ...Object.values(COLLAB_CLOSE)]);
    expect([...closeCodes].filter((c) => !allowed.has(c))).toEqual([]);
    const reader = await connectCollabClient(server.url, mapId, ws.users.owner.cookie);
    expect(docToSnapshot(reader.doc).cells.flatMap((c) => c.cards)).toHaveLength(20);
    reader.destroy();
  }, 240_000);
});
