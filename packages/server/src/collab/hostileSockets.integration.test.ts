import {
  applyMapOperations,
  createMapDocument,
  docToSnapshot,
  mapRoots,
  MapSettingsSchema,
  toEntity,
} from "@opencjm/core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import * as encoding from "lib0/encoding";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { startServer, type RunningServer } from "../startServer.js";
import { connectCollabClient } from "../testing/collabClient.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import {
  authMessage,
  clientFrame,
  collabMessage,
  MESSAGE,
  openRawCollabSocket,
  sendRawFrame,
  SYNC,
  updateMessage,
} from "../testing/rawCollabSocket.js";
import { createTestDatabase, type TestDatabase } from "../testing/testDatabases.js";
import { loadMapDoc } from "../store/mapUpdateLog.js";
import { COLLAB_CLOSE, COLLAB_SOCKET_LIMITS } from "./socketGuard.js";

function starterSnapshot() {
  const doc = createMapDocument(MapSettingsSchema.parse({ title: "Onboarding", type: "currentState" }));
  applyMapOperations(doc, [
    { op: "addStage", id: "s1", name: "Sign up" },
    { op: "addStep", id: "p1", stageId: "s1", name: "Creates account" },
    { op: "addLane", id: "l1", type: "actions", name: "Actions" },
  ]);
  return docToSnapshot(doc);
}

/**
 * What a stranger or a hostile writer can send on /collab (issue 11, items 1–3): invalid frames, garbage and truncated
 * Yjs updates, floods before authentication, too many maps on one socket. Each time the server must stay up, nothing
 * stored may change, and the sender is told why.
 */
describe("hostile collaboration sockets", () => {
  let t: TestDatabase;
  let server: RunningServer;
  let ws: TestWorkspace;
  let mapId: string;

  beforeEach(async () => {
    t = await createTestDatabase("sqlite");
    await t.db.close();
    server = await startServer(
      loadConfig(
        {},
        {
          port: 0,
          host: "127.0.0.1",
          dataDir: mkdtempSync(join(tmpdir(), "cjm-hostile-")),
          sqlitePath: t.config.sqlitePath,
        },
      ),
    );
    ws = await buildWorkspace(server.services.db);
    mapId = (
      await server.services.maps.create({
        workspaceId: ws.id,
        createdBy: ws.users.owner.id,
        snapshot: starterSnapshot(),
      })
    ).id;
  });

  afterEach(async () => {
    await server.close();
    await t.dispose();
  });

  const healthy = async () => (await fetch(`${server.url}/api/health`)).status;
  const storedUpdates = async () =>
    (await server.services.db.kysely.selectFrom("map_updates").select("id").where("map_id", "=", mapId).execute())
      .length;

  it.each([
    ["a reserved opcode", clientFrame(0x3, Buffer.from("x"))],
    ["an unmasked client frame", clientFrame(0x2, Buffer.from([1, 2, 3]), { masked: false })],
    ["invalid UTF-8 in a text frame", clientFrame(0x1, Buffer.from([0xc3, 0x28, 0xff]))],
    ["a declared length of 2^62", clientFrame(0x2, Buffer.alloc(0), { declaredLength: 2n ** 62n })],
    [
      "a message over the size limit",
      clientFrame(0x2, Buffer.alloc(0), { declaredLength: BigInt(5 * 1024 * 1024 + 1) }),
    ],
  ])("survives %s without an account, and others keep editing", async (_name, frame) => {
    await sendRawFrame(server.url, frame);
    expect(await healthy()).toBe(200);
    const editor = await connectCollabClient(server.url, mapId, ws.users.editor.cookie);
    applyMapOperations(editor.doc, [{ op: "addStage", name: "Still editable" }]);
    await editor.flushed();
    editor.destroy();
    expect((await server.services.maps.readSnapshot(mapId)).stages.map((s) => s.name)).toContain("Still editable");
  });

  it.each([
    ["garbage bytes", new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])],
    [
      "a truncated update",
      (() => {
        const doc = new Y.Doc();
        doc.getMap("x").set("k", "a value long enough to cut");
        const full = Y.encodeStateAsUpdate(doc);
        return full.slice(0, full.length - 4);
      })(),
    ],
    [
      "an update building on content the map does not have",
      (() => {
        const doc = new Y.Doc();
        doc.getMap("x").set("k", 1);
        const before = Y.encodeStateVector(doc);
        doc.getMap("x").set("k", 2);
        return Y.encodeStateAsUpdate(doc, before);
      })(),
    ],
  ])(
    "refuses %s from a writer, stores nothing, and the map stays readable after it is unloaded",
    async (_name, bad) => {
      const before = await storedUpdates();
      const socket = await openRawCollabSocket(server.url);
      socket.send(authMessage(mapId, ws.users.editor.cookie));
      await socket.waitFor((m) => m.detail === "authenticated");
      socket.send(updateMessage(mapId, bad));
      const refusal = await socket.waitFor((m) => m.type === MESSAGE.close);
      expect(refusal.detail).toMatch(/^update_(malformed|incomplete): refused/);
      socket.ws.close();
      await socket.closed;
      expect(await healthy()).toBe(200);
      expect(await storedUpdates()).toBe(before);
      // Unloading compacts the map; it must still open and read back.
      await expect.poll(() => server.collaboration.hocuspocus.getDocumentsCount(), { timeout: 15_000 }).toBe(0);
      expect((await server.services.maps.readSnapshot(mapId)).stages.map((s) => s.name)).toEqual(["Sign up"]);
      const editor = await connectCollabClient(server.url, mapId, ws.users.editor.cookie);
      expect(docToSnapshot(editor.doc).stages.map((s) => s.name)).toEqual(["Sign up"]);
      editor.destroy();
    },
  );

  it.each([
    [
      "a card whose text is a number",
      (doc: Y.Doc) =>
        mapRoots(doc).cards.set(
          "evil",
          toEntity({ id: "evil", kind: "action", text: 42, order: "a0", laneId: "l1", stepId: "p1" }),
        ),
    ],
    [
      "a stage whose name is 10,000 characters",
      (doc: Y.Doc) => mapRoots(doc).stages.get("s1")!.set("name", "x".repeat(10_000)),
    ],
    ["a part that is not a map's", (doc: Y.Doc) => doc.getArray("payload").push(["anything"])],
  ])("refuses an update that leaves %s, and stores nothing", async (_name, vandalise) => {
    const before = await storedUpdates();
    const { doc } = await loadMapDoc(server.services.db, mapId);
    const vector = Y.encodeStateVector(doc);
    vandalise(doc);
    const socket = await openRawCollabSocket(server.url);
    socket.send(authMessage(mapId, ws.users.editor.cookie));
    await socket.waitFor((m) => m.detail === "authenticated");
    socket.send(updateMessage(mapId, Y.encodeStateAsUpdate(doc, vector)));
    expect((await socket.waitFor((m) => m.type === MESSAGE.close)).detail).toMatch(
      /^update_invalid: refused a map update that leaves the map invalid: /,
    );
    socket.ws.close();
    expect(await storedUpdates()).toBe(before);
    const editor = await connectCollabClient(server.url, mapId, ws.users.editor.cookie);
    expect(docToSnapshot(editor.doc).stages.map((s) => s.name)).toEqual(["Sign up"]);
    expect(editor.doc.share.has("payload")).toBe(false);
    editor.destroy();
  });

  it("refuses a compressed message that inflates past the size limit, stores nothing, and others keep editing", async () => {
    const before = await storedUpdates();
    const socket = await openRawCollabSocket(server.url);
    // The server accepted permessage-deflate, so ws sends this message compressed: its zeros deflate to a few
    // kilobytes on the wire, and only inflating them shows the message is over MAX_BODY_BYTES.
    expect(socket.ws.extensions).toMatch(/^permessage-deflate/);
    socket.send(authMessage(mapId, ws.users.editor.cookie));
    await socket.waitFor((m) => m.detail === "authenticated");
    const bomb = updateMessage(mapId, new Uint8Array(server.services.config.maxBodyBytes + 1));
    expect(deflateRawSync(bomb).length).toBeLessThan(64 * 1024);
    socket.send(bomb);
    expect((await socket.closed).code).toBe(1009);
    expect(await healthy()).toBe(200);
    expect(await storedUpdates()).toBe(before);
    const editor = await connectCollabClient(server.url, mapId, ws.users.editor.cookie);
    applyMapOperations(editor.doc, [{ op: "addStage", name: "Still editable" }]);
    await editor.flushed();
    editor.destroy();
    expect((await server.services.maps.readSnapshot(mapId)).stages.map((s) => s.name)).toContain("Still editable");
  });

  it("bounds what a socket may send before it authenticates", async () => {
    const socket = await openRawCollabSocket(server.url);
    const awareness = collabMessage(mapId, MESSAGE.awareness, () => undefined);
    for (let i = 0; i <= COLLAB_SOCKET_LIMITS.preAuthMessages; i++) socket.send(awareness);
    expect(await socket.closed).toEqual({ code: COLLAB_CLOSE.tooMuch, reason: "too much sent before authentication" });
    const big = await openRawCollabSocket(server.url);
    big.send(
      collabMessage(mapId, MESSAGE.awareness, (e) =>
        encoding.writeVarUint8Array(e, new Uint8Array(COLLAB_SOCKET_LIMITS.preAuthBytes + 1)),
      ),
    );
    expect((await big.closed).code).toBe(COLLAB_CLOSE.tooMuch);
    expect(await healthy()).toBe(200);
  });

  it(
    "closes a socket that does not authenticate in time",
    async () => {
      const socket = await openRawCollabSocket(server.url);
      socket.send(collabMessage(mapId, MESSAGE.awareness));
      expect(await socket.closed).toEqual({ code: COLLAB_CLOSE.authTimeout, reason: "not authenticated in time" });
    },
    COLLAB_SOCKET_LIMITS.authTimeoutMs + 10_000,
  );

  it("refuses more maps on one socket than the limit, and text frames", async () => {
    const socket = await openRawCollabSocket(server.url);
    for (let i = 0; i <= COLLAB_SOCKET_LIMITS.documentsPerSocket; i++)
      socket.send(authMessage(`map_fake${i}`, "nobody"));
    expect((await socket.closed).code).toBe(COLLAB_CLOSE.tooManyDocuments);
    const text = await openRawCollabSocket(server.url);
    text.send("hello");
    expect(await text.closed).toEqual({ code: COLLAB_CLOSE.malformed, reason: "binary messages only" });
  });

  it("closes a writer that floods faster than the rate limit, and keeps what it acknowledged", async () => {
    const socket = await openRawCollabSocket(server.url);
    socket.send(authMessage(mapId, ws.users.editor.cookie));
    await socket.waitFor((m) => m.detail === "authenticated");
    const presence = new Awareness(new Y.Doc());
    presence.setLocalState({ user: { name: "flood" } });
    const awareness = collabMessage(mapId, MESSAGE.awareness, (e) =>
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate(presence, [presence.clientID])),
    );
    for (let i = 0; i <= COLLAB_SOCKET_LIMITS.messageBurst * 2; i++) socket.send(awareness);
    expect((await socket.closed).code).toBe(COLLAB_CLOSE.tooMuch);
    expect(await healthy()).toBe(200);
  });

  it("refuses a change sent as a sync reply, which only servers send: nothing applied, stored or acknowledged", async () => {
    const before = await storedUpdates();
    const { doc } = await loadMapDoc(server.services.db, mapId);
    const vector = Y.encodeStateVector(doc);
    // A change the checks would refuse, so getting past them would show.
    mapRoots(doc).stages.get("s1")!.set("name", "x".repeat(10_000));
    const socket = await openRawCollabSocket(server.url);
    socket.send(authMessage(mapId, ws.users.editor.cookie));
    await socket.waitFor((m) => m.detail === "authenticated");
    socket.send(
      collabMessage(mapId, 4, (e) => {
        encoding.writeVarUint(e, SYNC.update);
        encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, vector));
      }),
    );
    expect((await socket.waitFor((m) => m.type === MESSAGE.close)).detail).toBe(
      "message_refused: refused a message of type 4, which only servers send",
    );
    expect(socket.received.some((m) => m.type === MESSAGE.syncStatus)).toBe(false);
    socket.ws.close();
    expect(await storedUpdates()).toBe(before);
    const editor = await connectCollabClient(server.url, mapId, ws.users.editor.cookie);
    expect(docToSnapshot(editor.doc).stages.map((s) => s.name)).toEqual(["Sign up"]);
    editor.destroy();
  });

  it("does not relay a broadcast from a client, not even a viewer's posing as the server's signal", async () => {
    const observer = await openRawCollabSocket(server.url);
    observer.send(authMessage(mapId, ws.users.editor.cookie));
    await observer.waitFor((m) => m.detail === "authenticated");
    const viewer = await openRawCollabSocket(server.url);
    viewer.send(authMessage(mapId, ws.users.viewer.cookie));
    await viewer.waitFor((m) => m.detail === "authenticated");
    viewer.send(
      collabMessage(mapId, 6, (e) => encoding.writeVarString(e, JSON.stringify({ type: "comments", threadId: "x" }))),
    );
    expect((await viewer.waitFor((m) => m.type === MESSAGE.close)).detail).toBe(
      "message_refused: refused a message of type 6, which only servers send",
    );
    // The server answers the observer's sync step 1 after anything it sent the observer while handling the viewer's
    // message: once the answer is in, a relayed broadcast would be too.
    const answers = observer.received.length;
    observer.send(
      collabMessage(mapId, MESSAGE.sync, (e) => {
        encoding.writeVarUint(e, SYNC.step1);
        encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
      }),
    );
    await observer.waitFor((m) => m.type === MESSAGE.sync && observer.received.indexOf(m) >= answers);
    expect(observer.received.filter((m) => m.type === MESSAGE.stateless)).toEqual([]);
    observer.ws.close();
    viewer.ws.close();
  });

  describe("presence", () => {
    /** An awareness message announcing `state` for `clientId` at `clock`, as a hostile client would craft it. */
    const presenceMessage = (clientId: number, clock: number, state: unknown) =>
      collabMessage(mapId, MESSAGE.awareness, (e) => {
        const inner = encoding.createEncoder();
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, clientId);
        encoding.writeVarUint(inner, clock);
        encoding.writeVarString(inner, JSON.stringify(state));
        encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      });
    const serverPresence = () => server.collaboration.hocuspocus.documents.get(mapId)!.awareness;

    it("shows each editor's own presence to the others", async () => {
      const editor = await connectCollabClient(server.url, mapId, ws.users.editor.cookie);
      const viewer = await connectCollabClient(server.url, mapId, ws.users.viewer.cookie);
      editor.provider.setAwarenessField("user", { id: ws.users.editor.id, name: "Edda" });
      await expect
        .poll(() => (viewer.provider.awareness!.getStates().get(editor.doc.clientID)?.user as { name?: string })?.name)
        .toBe("Edda");
      editor.destroy();
      viewer.destroy();
    });

    it("refuses a presence update that takes over another editor's, which stays as it was", async () => {
      const editor = await connectCollabClient(server.url, mapId, ws.users.editor.cookie);
      editor.provider.setAwarenessField("user", { id: ws.users.editor.id, name: "Edda" });
      const victim = editor.doc.clientID;
      await expect.poll(() => serverPresence().getStates().has(victim)).toBe(true);
      const socket = await openRawCollabSocket(server.url);
      socket.send(authMessage(mapId, ws.users.owner.cookie));
      await socket.waitFor((m) => m.detail === "authenticated");
      const clock = serverPresence().meta.get(victim)!.clock;
      socket.send(presenceMessage(victim, clock + 1, { user: { id: ws.users.owner.id, name: "Not Edda" } }));
      expect((await socket.waitFor((m) => m.type === MESSAGE.close)).detail).toBe(
        "presence_refused: refused a presence update for another editor",
      );
      expect((serverPresence().getStates().get(victim)?.user as { name?: string }).name).toBe("Edda");
      socket.ws.close();
      editor.destroy();
    });

    it("lets the same user take their presence to a new connection, as a reconnect before the old one is noticed", async () => {
      const editor = await connectCollabClient(server.url, mapId, ws.users.editor.cookie);
      editor.provider.setAwarenessField("user", { id: ws.users.editor.id, name: "Edda" });
      const mine = editor.doc.clientID;
      await expect.poll(() => serverPresence().getStates().has(mine)).toBe(true);
      const socket = await openRawCollabSocket(server.url);
      socket.send(authMessage(mapId, ws.users.editor.cookie));
      await socket.waitFor((m) => m.detail === "authenticated");
      const clock = serverPresence().meta.get(mine)!.clock;
      socket.send(presenceMessage(mine, clock + 1, { user: { id: ws.users.editor.id, name: "Edda again" } }));
      await expect
        .poll(() => (serverPresence().getStates().get(mine)?.user as { name?: string } | undefined)?.name)
        .toBe("Edda again");
      expect(socket.received.some((m) => m.type === MESSAGE.close)).toBe(false);
      socket.ws.close();
      editor.destroy();
    });

    it("refuses presence naming another user, from a viewer", async () => {
      // Someone stays on the map, so the server keeps it (and its presence) open.
      const editor = await connectCollabClient(server.url, mapId, ws.users.editor.cookie);
      const socket = await openRawCollabSocket(server.url);
      socket.send(authMessage(mapId, ws.users.viewer.cookie));
      await socket.waitFor((m) => m.detail === "authenticated");
      socket.send(presenceMessage(424242, 1, { user: { id: ws.users.owner.id, name: "The owner" } }));
      expect((await socket.waitFor((m) => m.type === MESSAGE.close)).detail).toBe(
        "presence_refused: refused a presence update naming another user",
      );
      expect(serverPresence().getStates().has(424242)).toBe(false);
      expect(editor.provider.awareness!.getStates().has(424242)).toBe(false);
      editor.destroy();
    });
  });
});
