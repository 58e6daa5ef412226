import {
  applyMapOperations,
  createMapDocument,
  docToSnapshot,
  MapSettingsSchema,
  type MapOperation,
  type MapSnapshot,
} from "@opencjm/core";
import { mkdtempSync } from "node:fs";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { startServer, type RunningServer } from "../startServer.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { authMessage, collabMessage, MESSAGE, SYNC } from "../testing/rawCollabSocket.js";
import { createTestDatabase, type TestDatabase } from "../testing/testDatabases.js";

/** The editor benchmark's map (bench/benchMap.ts): 40 steps × 19 card lanes × 3 cards, and an emotion lane. */
function benchSizedMap(): MapSnapshot {
  const doc = createMapDocument(MapSettingsSchema.parse({ title: "40 steps × 20 lanes", type: "currentState" }));
  const ops: MapOperation[] = [];
  for (let l = 0; l < 19; l++) ops.push({ op: "addLane", id: `lane${l}`, type: "actions", name: `Lane ${l + 1}` });
  ops.push({ op: "addLane", id: "feel", type: "emotion", name: "Emotions" });
  for (let s = 0; s < 40; s++) {
    if (s % 5 === 0) ops.push({ op: "addStage", id: `stage${s / 5}`, name: `Stage ${s / 5 + 1}` });
    ops.push({ op: "addStep", id: `step${s}`, stageId: `stage${Math.floor(s / 5)}`, name: `Step ${s + 1}` });
    for (let l = 0; l < 19; l++)
      for (let k = 1; k <= 3; k++)
        ops.push({
          op: "addCard",
          laneId: `lane${l}`,
          stepId: `step${s}`,
          card: { kind: "action", text: `Card ${s + 1}.${l}.${k}: the customer compares two offers` },
        });
  }
  applyMapOperations(doc, ops);
  return docToSnapshot(doc);
}

/** What a socket that asked for the whole map received, and how many bytes came over its TCP connection for it. */
interface FirstSync {
  extensions: string;
  wireBytes: number;
  doc: Y.Doc;
}

/**
 * Opens /collab as a newcomer would (nothing of the map known), with or without offering permessage-deflate, and
 * counts the bytes read from the TCP connection until the map's state (sync step 2) is in.
 */
async function firstSync(baseUrl: string, mapId: string, token: string, deflate: boolean): Promise<FirstSync> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/collab/${mapId}`, { perMessageDeflate: deflate });
  let tcp: Socket | undefined;
  ws.once("upgrade", (response) => (tcp = response.socket));
  const doc = new Y.Doc();
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    const synced = new Promise<void>((resolve, reject) => {
      ws.on("message", (data: Buffer) => {
        const d = decoding.createDecoder(new Uint8Array(data));
        decoding.readVarString(d);
        const type = decoding.readVarUint(d);
        if (type === MESSAGE.auth && decoding.readVarUint(d) !== 2) reject(new Error("authentication refused"));
        if (type !== MESSAGE.sync || decoding.readVarUint(d) !== SYNC.step2) return;
        Y.applyUpdate(doc, decoding.readVarUint8Array(d));
        resolve();
      });
      ws.once("close", (code, reason) => reject(new Error(`closed ${code} ${reason.toString()}`)));
    });
    ws.send(authMessage(mapId, token));
    ws.send(
      collabMessage(mapId, MESSAGE.sync, (e) => {
        encoding.writeVarUint(e, SYNC.step1);
        encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
      }),
    );
    await synced;
    return { extensions: ws.extensions, wireBytes: tcp!.bytesRead, doc };
  } finally {
    ws.terminate();
  }
}

/**
 * A newcomer's first sync of a large map (issue 19): the map's whole state goes over the collaboration socket, so it
 * goes compressed to every browser (they all offer permessage-deflate), and plainly to a client that does not.
 */
describe("the collaboration socket's first sync", () => {
  let t: TestDatabase;
  let server: RunningServer;
  let ws: TestWorkspace;
  let mapId: string;
  let cards: number;

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await t.db.close();
    server = await startServer(
      loadConfig(
        {},
        {
          port: 0,
          host: "127.0.0.1",
          dataDir: mkdtempSync(join(tmpdir(), "cjm-socket-compression-")),
          sqlitePath: t.config.sqlitePath,
        },
      ),
    );
    ws = await buildWorkspace(server.services.db);
    const snapshot = benchSizedMap();
    cards = snapshot.cells.reduce((n, cell) => n + cell.cards.length, 0);
    mapId = (await server.services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot })).id;
  });

  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  // The map's state is about 590 kB (Yjs update encoding v1; 680 kB for the benchmark's mix of card kinds) and
  // deflates to about 100 kB with the server's settings (socketCompression.ts). 128 kB leaves a fifth more for the
  // handshake, the server's own sync step 1 and another zlib's output, and is about a fifth of the sync uncompressed.
  const BUDGET_BYTES = 128 * 1024;

  it("sends a 40 × 20 map of 2,280 cards deflated, under 128 kB on the wire, complete", async () => {
    const sync = await firstSync(server.url, mapId, ws.users.editor.cookie, true);
    expect(sync.extensions).toMatch(/^permessage-deflate/);
    expect(cards).toBe(2280);
    expect(docToSnapshot(sync.doc).cells.reduce((n, cell) => n + cell.cards.length, 0)).toBe(cards);
    expect(sync.wireBytes).toBeLessThan(BUDGET_BYTES);
  });

  it("sends the same map uncompressed to a client that does not offer compression", async () => {
    const sync = await firstSync(server.url, mapId, ws.users.editor.cookie, false);
    expect(sync.extensions).toBe("");
    expect(docToSnapshot(sync.doc).cells.reduce((n, cell) => n + cell.cards.length, 0)).toBe(cards);
    expect(sync.wireBytes).toBeGreaterThan(3 * BUDGET_BYTES);
  });
});
