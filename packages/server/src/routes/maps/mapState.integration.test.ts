import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { docToSnapshot, mapRoots, type MapSnapshot } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { RunningServer } from "../../startServer.js";
import { compactMapDocument } from "../../store/compactMapDocument.js";
import { countMapUpdates } from "../../store/mapUpdateLog.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { startLiveMapFixture, type LiveMapFixture } from "../../testing/liveMapFixture.js";
import { testDialects } from "../../testing/testDatabases.js";
import { MAP_STATE_TYPE } from "./mapStateRoutes.js";

describe.each(testDialects)("a map's Yjs state for the editor's first paint, on %s", (dialect) => {
  let fixture: LiveMapFixture;
  let server: RunningServer;
  let ws: TestWorkspace;
  let mapId: string;

  beforeEach(async () => {
    fixture = await startLiveMapFixture(dialect, "map-state");
    ({ server, ws, mapId } = fixture);
  });

  afterEach(() => fixture.close());

  const stateUrl = () => `${server.url}/api/workspaces/${ws.id}/maps/${mapId}/state`;

  /** The map as a document filled from the state the API answers with, read as a snapshot. */
  async function mapFromState(headers: Record<string, string>): Promise<MapSnapshot> {
    const res = await fetch(stateUrl(), { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(MAP_STATE_TYPE);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
    return docToSnapshot(doc);
  }

  async function renameFirstStage(name: string): Promise<void> {
    const stageId = (await server.services.maps.readSnapshot(mapId)).stages[0]!.id;
    const res = await fetch(`${server.url}/api/workspaces/${ws.id}/maps/${mapId}/operations`, {
      method: "POST",
      headers: ws.users.editor.headers,
      body: JSON.stringify({ operations: [{ op: "updateStage", stageId, name }] }),
    });
    expect(res.status).toBe(200);
  }

  it("holds the whole map, with the edits still in the log and after they are folded", async () => {
    expect(await mapFromState(ws.users.viewer.headers)).toEqual(await server.services.maps.readSnapshot(mapId));

    await renameFirstStage("Finds us on a friend's phone");
    expect(await countMapUpdates(server.services.db, mapId)).toBeGreaterThan(0);
    const fromLog = await mapFromState(ws.users.viewer.headers);
    expect(fromLog.stages[0]!.name).toBe("Finds us on a friend's phone");
    expect(fromLog).toEqual(await server.services.maps.readSnapshot(mapId));

    await compactMapDocument(server.services.db, mapId);
    expect(await countMapUpdates(server.services.db, mapId)).toBe(0);
    expect(await mapFromState(ws.users.viewer.headers)).toEqual(fromLog);
  });

  it("is the live map while someone edits it, their last acknowledged change included", async () => {
    const editor = await fixture.connect(ws.users.editor.cookie);
    const stage = mapRoots(editor.doc).stages.values().next().value!;
    editor.doc.transact(() => stage.set("name", "Asks a colleague"));
    await editor.flushed();
    const live = await mapFromState(ws.users.commenter.headers);
    expect(live.stages.map((s) => s.name)).toContain("Asks a colleague");
    expect(live).toEqual(docToSnapshot(editor.doc));
  });

  it("comes gzipped to a client that takes gzip, and plain to one that does not", async () => {
    const plain = await fetch(stateUrl(), { headers: { ...ws.users.viewer.headers, "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    const bytes = Buffer.from(await plain.arrayBuffer());
    // fetch() itself would decode the body: read it as sent through a raw request instead.
    const zipped = await new Promise<Buffer>((resolve, reject) => {
      const req = request(stateUrl(), { headers: { ...ws.users.viewer.headers, "accept-encoding": "gzip" } }, (res) => {
        expect(res.headers["content-encoding"]).toBe("gzip");
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve(Buffer.concat(chunks)));
      });
      req.on("error", reject);
      req.end();
    });
    expect(zipped.length).toBeLessThan(bytes.length / 2);
    expect(gunzipSync(zipped).equals(bytes)).toBe(true);
  });

  it("answers 404 for a map of another workspace, and nothing to a stranger", async () => {
    const other = await buildWorkspace(server.services.db);
    const elsewhere = await fetch(`${server.url}/api/workspaces/${other.id}/maps/${mapId}/state`, {
      headers: other.users.owner.headers,
    });
    expect(elsewhere.status).toBe(404);
    const stranger = await fetch(stateUrl(), { headers: other.users.owner.headers });
    expect([403, 404]).toContain(stranger.status);
    expect(stranger.headers.get("content-type")).toContain("application/json");
    const anonymous = await fetch(stateUrl());
    expect(anonymous.status).toBe(401);
  });
});
