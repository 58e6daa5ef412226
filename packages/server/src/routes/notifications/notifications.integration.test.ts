import { NotificationListSchema, NotificationUnreadCountSchema } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTokenHeaders, buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

describe.each(testDialects)("my notifications on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
  });
  afterEach(() => t.dispose());

  const mention = (userId: string, excerpt: string, actorId = ws.users.owner.id) => ({
    userId,
    workspaceId: ws.id,
    kind: "mention" as const,
    actorId,
    mapId: "map_x",
    subjectId: "thr_x",
    data: { mapTitle: "Checkout", excerpt },
  });
  const listOf = async (headers: Record<string, string>, query = "") => {
    const res = await t.request("GET", `/api/notifications${query}`, { headers });
    expect(res.status).toBe(200);
    return NotificationListSchema.parse(res.body);
  };
  const unread = async (headers: Record<string, string>) =>
    NotificationUnreadCountSchema.parse((await t.request("GET", "/api/notifications/unread-count", { headers })).body)
      .unread;

  it("lists only my notifications with who sent them, and counts the unread ones", async () => {
    const { editor, viewer } = ws.users;
    await t.services.notifications.notify([mention(editor.id, "for the editor"), mention(viewer.id, "for the viewer")]);
    const mine = await listOf(editor.headers);
    expect(mine.notifications.map((n) => [n.kind, n.data.excerpt, n.actorName, n.workspaceName])).toEqual([
      ["mention", "for the editor", "owner user", "Test workspace"],
    ]);
    expect(await unread(editor.headers)).toBe(1);
    expect((await listOf(ws.outsider.headers)).notifications).toEqual([]);
  });

  it("never tells someone of their own action", async () => {
    await t.services.notifications.notify([mention(ws.users.owner.id, "self", ws.users.owner.id)]);
    expect(await unread(ws.users.owner.headers)).toBe(0);
  });

  it("marks one or all read, only mine: someone else's notification is not found and stays unread", async () => {
    const { editor, viewer } = ws.users;
    await t.services.notifications.notify([
      mention(editor.id, "one"),
      mention(editor.id, "two"),
      mention(viewer.id, "v"),
    ]);
    const [first] = (await listOf(editor.headers)).notifications;
    const theirs = (await listOf(viewer.headers)).notifications[0]!;
    const foreign = await t.request("POST", `/api/notifications/${theirs.id}/read`, { headers: editor.headers });
    expect([foreign.status, foreign.body.error?.code]).toEqual([404, "not_found"]);
    expect(await unread(viewer.headers)).toBe(1);
    const one = await t.request("POST", `/api/notifications/${first!.id}/read`, { headers: editor.headers });
    expect([one.status, one.body.marked]).toEqual([200, 1]);
    expect(await unread(editor.headers)).toBe(1);
    expect((await listOf(editor.headers, "?unread=true")).notifications).toHaveLength(1);
    const all = await t.request("POST", "/api/notifications/read-all", { headers: editor.headers });
    expect([all.status, all.body.marked]).toEqual([200, 1]);
    expect(await unread(editor.headers)).toBe(0);
    expect(await unread(viewer.headers)).toBe(1);
  });

  it("hides a workspace's notifications from someone removed from it, but keeps invitations", async () => {
    const { editor } = ws.users;
    await t.services.notifications.notify([
      mention(editor.id, "before removal"),
      { userId: editor.id, workspaceId: ws.id, kind: "invitation", actorId: ws.users.owner.id, data: {} },
    ]);
    await t.request("DELETE", `/api/workspaces/${ws.id}/members/${editor.id}`, { headers: ws.users.owner.headers });
    expect((await listOf(editor.headers)).notifications.map((n) => n.kind)).toEqual(["invitation"]);
    expect(await unread(editor.headers)).toBe(1);
  });

  it("pages newest first without repeating or skipping, and refuses a cursor it did not hand out", async () => {
    const { editor } = ws.users;
    for (let i = 0; i < 5; i++) await t.services.notifications.notify([mention(editor.id, `n${i}`)]);
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = await listOf(editor.headers, `?limit=2${cursor ? `&before=${cursor}` : ""}`);
      seen.push(...page.notifications.map((n) => String(n.data.excerpt)));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const bad = await t.request("GET", "/api/notifications?before=not-a-cursor", { headers: editor.headers });
    expect([bad.status, bad.body.error?.code]).toEqual([400, "invalid_cursor"]);
  });

  it("keeps my choice about mention e-mails, on by default", async () => {
    const { headers } = ws.users.commenter;
    expect((await t.request("GET", "/api/notifications/settings", { headers })).body).toEqual({ emailMentions: true });
    const off = await t.request("PATCH", "/api/notifications/settings", { headers, body: { emailMentions: false } });
    expect([off.status, off.body]).toEqual([200, { emailMentions: false }]);
    expect((await t.request("GET", "/api/notifications/settings", { headers })).body).toEqual({ emailMentions: false });
    const bad = await t.request("PATCH", "/api/notifications/settings", { headers, body: { emailMentions: "no" } });
    expect(bad.status).toBe(400);
    expect((await t.request("GET", "/api/notifications/settings", { headers: ws.users.viewer.headers })).body).toEqual({
      emailMentions: true,
    });
  });

  it("is for signed-in people only: API tokens get 403", async () => {
    const token = await buildTokenHeaders(t.services.db, ws.users.editor.id, "write");
    expect((await t.request("GET", "/api/notifications", { headers: token })).status).toBe(403);
  });
});
