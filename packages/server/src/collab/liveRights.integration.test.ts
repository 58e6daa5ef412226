import { applyMapOperations, createMapDocument, docToSnapshot, MapSettingsSchema } from "@opencjm/core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { startServer, type RunningServer } from "../startServer.js";
import { connectCollabClient, type CollabClient } from "../testing/collabClient.js";
import { buildTokenHeaders, buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { authMessage, MESSAGE, openRawCollabSocket } from "../testing/rawCollabSocket.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../testing/testDatabases.js";

function starterSnapshot() {
  const doc = createMapDocument(MapSettingsSchema.parse({ title: "Onboarding", type: "currentState" }));
  applyMapOperations(doc, [
    { op: "addStage", id: "s1", name: "Sign up" },
    { op: "addStep", id: "p1", stageId: "s1", name: "Creates account" },
  ]);
  return docToSnapshot(doc);
}

/**
 * Issue 11 items 4 and 5: rights taken away (token revoked, made a viewer, removed, signed out) take effect on open
 * sockets at once, and only pages of this server's origin may open a socket, preferably with a single-use ticket.
 */
describe.each(testDialects)("live rights on %s", (dialect) => {
  let t: TestDatabase;
  let server: RunningServer;
  let ws: TestWorkspace;
  let mapId: string;
  const clients: CollabClient[] = [];

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    await t.db.close();
    const config = loadConfig(
      {},
      {
        port: 0,
        host: "127.0.0.1",
        dataDir: mkdtempSync(join(tmpdir(), "cjm-rights-")),
        databaseUrl: t.config.databaseUrl,
        sqlitePath: t.config.sqlitePath,
      },
    );
    server = await startServer({ ...config, allowedOrigins: ["https://maps.example.test"] });
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
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    await t.dispose();
  });

  const api = (path: string, init: RequestInit & { headers: Record<string, string> }) =>
    fetch(`${server.url}${path}`, init);
  const stages = async () => (await server.services.maps.readSnapshot(mapId)).stages.map((s) => s.name);

  async function connect(token: string) {
    const client = await connectCollabClient(server.url, mapId, token);
    clients.push(client);
    return client;
  }

  /** Writes through `client`, then waits until the server has either stored it or refused it. */
  async function tryWrite(client: CollabClient, name: string) {
    applyMapOperations(client.doc, [{ op: "addStage", name }]);
    await new Promise((r) => setTimeout(r, 500));
  }

  it("a revoked API token stops writing on its open socket", async () => {
    const headers = await buildTokenHeaders(server.services.db, ws.users.editor.id, "write");
    const client = await connect(headers.authorization!.slice(7));
    applyMapOperations(client.doc, [{ op: "addStage", name: "before revoking" }]);
    await client.flushed();
    const [token] = await (await api("/api/tokens", { headers: ws.users.editor.headers })).json();
    expect((await api(`/api/tokens/${token.id}`, { method: "DELETE", headers: ws.users.editor.headers })).status).toBe(
      200,
    );
    await tryWrite(client, "after revoking");
    expect(await stages()).toEqual(["Sign up", "before revoking"]);
  });

  it("an editor made a viewer can no longer write; a viewer made an editor can", async () => {
    const member = (userId: string, role: string) =>
      api(`/api/workspaces/${ws.id}/members/${userId}`, {
        method: "PATCH",
        headers: ws.users.owner.headers,
        body: JSON.stringify({ role }),
      });
    const demoted = await connect(ws.users.editor.cookie);
    const promoted = await connect(ws.users.viewer.cookie);
    expect((await member(ws.users.editor.id, "viewer")).status).toBe(200);
    expect((await member(ws.users.viewer.id, "editor")).status).toBe(200);
    await tryWrite(demoted, "as a viewer");
    expect(demoted.provider.hasUnsyncedChanges).toBe(true);
    applyMapOperations(promoted.doc, [{ op: "addStage", name: "as an editor" }]);
    await promoted.flushed();
    expect(await stages()).toEqual(["Sign up", "as an editor"]);
  });

  it("a removed member and a signed-out session are disconnected at once", async () => {
    const removed = await openRawCollabSocket(server.url);
    removed.send(authMessage(mapId, ws.users.editor.cookie));
    await removed.waitFor((m) => m.detail === "authenticated");
    const signedOut = await openRawCollabSocket(server.url);
    signedOut.send(authMessage(mapId, ws.users.commenter.cookie));
    await signedOut.waitFor((m) => m.detail === "authenticated");
    expect(
      (
        await api(`/api/workspaces/${ws.id}/members/${ws.users.editor.id}`, {
          method: "DELETE",
          headers: ws.users.owner.headers,
        })
      ).status,
    ).toBe(200);
    expect(
      (await api("/api/auth/logout", { method: "POST", headers: ws.users.commenter.headers })).status,
    ).toBeLessThan(300);
    for (const socket of [removed, signedOut]) {
      expect(await socket.closed).toEqual({ code: 4403, reason: "access_revoked: your access to this map has ended" });
      expect(socket.received.some((m) => m.type === MESSAGE.close && /access_revoked/.test(m.detail))).toBe(true);
    }
  });

  it("refuses sockets from other origins; accepts its own origin and ALLOWED_ORIGINS", async () => {
    const cookie = { cookie: `cjm_session=${ws.users.owner.cookie}` };
    await expect(openRawCollabSocket(server.url, { ...cookie, origin: "https://evil.example" })).rejects.toThrow(
      /upgrade refused: 403/,
    );
    await expect(openRawCollabSocket(server.url, { ...cookie, origin: "null" })).rejects.toThrow(
      /upgrade refused: 403/,
    );
    for (const origin of [server.url, "https://maps.example.test"]) {
      const socket = await openRawCollabSocket(server.url, { ...cookie, origin });
      socket.send(authMessage(mapId, ""));
      await socket.waitFor((m) => m.detail === "authenticated");
      socket.ws.close();
    }
  });

  it("a collaboration ticket authenticates one socket once, only for its session", async () => {
    const res = await api("/api/collab/ticket", { headers: ws.users.editor.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { ticket } = (await res.json()) as { ticket: string };
    const client = await connect(ticket);
    applyMapOperations(client.doc, [{ op: "addStage", name: "by ticket" }]);
    await client.flushed();
    expect(await stages()).toContain("by ticket");
    await expect(connectCollabClient(server.url, mapId, ticket)).rejects.toThrow(/authentication failed/);
    const token = (await buildTokenHeaders(server.services.db, ws.users.editor.id, "write")).authorization!;
    expect((await api("/api/collab/ticket", { headers: { authorization: token } })).status).toBe(403);
    expect((await fetch(`${server.url}/api/collab/ticket`)).status).toBe(401);
  });
});
