import { withWriteLock } from "@opencjm/analytics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMemberRole } from "../../commands/workspaceCreator.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const CSV = "email,timestamp,event\nlena@example.org,2024-01-01T10:00:00Z,login\n";
const MAPPING = encodeURIComponent(
  JSON.stringify({
    columns: {
      email: { role: "identifier", kind: "email" },
      timestamp: { role: "timestamp" },
      event: { role: "event" },
    },
  }),
);

describe.each(testDialects)("cancelling an event import over the API on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let base: string;
  let sourceId: string;
  // The test holds the workspace's write lock, so the imports it starts wait their turn until it lets go: each is
  // surely still running when it is cancelled.
  let release = () => {};
  let held: Promise<void>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    base = `/api/workspaces/${ws.id}`;
    sourceId = (
      (await t.request("POST", `${base}/sources`, { headers: ws.users.editor.headers, body: { name: "CRM" } }))
        .body as { sourceId: string }
    ).sourceId;
    held = withWriteLock(
      await t.services.analytics.open(ws.id),
      () => new Promise<void>((resolve) => (release = resolve)),
    );
  });
  afterAll(async () => {
    release();
    await held;
    await t.dispose();
  });

  async function start(): Promise<string> {
    const res = await t.app.request(`${base}/sources/${sourceId}/imports?fileName=crm.csv&mapping=${MAPPING}`, {
      method: "POST",
      headers: { ...ws.users.editor.headers, "content-type": "application/octet-stream" },
      body: CSV,
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { importId: string }).importId;
  }
  const cancel = (importId: string, headers: Record<string, string>) =>
    t.request("POST", `${base}/imports/${importId}/cancel`, { headers });

  it("whoever started an import may cancel it, even without an editor's role any more; a commenter may not", async () => {
    const importId = await start();
    const refused = await cancel(importId, ws.users.commenter.headers);
    expect([refused.status, refused.body.error?.message]).toEqual([
      403,
      "only whoever started the import and editors can cancel it; the commenter role cannot",
    ]);
    await setMemberRole(t.services.db, ws.id, ws.users.editor.id, "viewer");
    try {
      const res = await cancel(importId, ws.users.editor.headers);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        importId,
        status: "failed",
        eventsStored: 0,
        error: {
          code: "cancelled",
          message: `crm.csv: the import was cancelled by editor user (${ws.users.editor.email}); nothing of it was stored`,
        },
      });
    } finally {
      await setMemberRole(t.services.db, ws.id, ws.users.editor.id, "editor");
    }
    expect(
      (await t.request("GET", `${base}/imports/${importId}`, { headers: ws.users.viewer.headers })).body,
    ).toMatchObject({ status: "failed", error: { code: "cancelled" } });
    const again = await cancel(importId, ws.users.editor.headers);
    expect([again.status, again.body.error?.code]).toEqual([409, "import_finished"]);
  });

  it("an editor may cancel someone else's import; nothing of it is stored", async () => {
    const importId = await start();
    const res = await cancel(importId, ws.users.owner.headers);
    expect(res.body).toMatchObject({
      status: "failed",
      error: {
        code: "cancelled",
        message: `crm.csv: the import was cancelled by owner user (${ws.users.owner.email}); nothing of it was stored`,
      },
    });
    expect(
      (await t.request("GET", `${base}/sources/${sourceId}`, { headers: ws.users.viewer.headers })).body,
    ).toMatchObject({ events: 0 });
  });

  it("an unknown import is not found, and the route is in the API reference", async () => {
    expect((await cancel("imp_nothere", ws.users.editor.headers)).status).toBe(404);
    const doc = (await t.request("GET", "/api/openapi.json")).body as {
      paths: Record<string, { post?: { summary?: string } }>;
    };
    expect(doc.paths["/api/workspaces/{workspaceId}/imports/{importId}/cancel"]?.post?.summary).toMatch(
      /^Cancel a running import/,
    );
  });
});
