import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildUser, buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

describe.each(testDialects)("transferring a workspace's ownership on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
  });
  afterEach(() => t.dispose());

  const roles = async () => {
    const res = await t.request("GET", `/api/workspaces/${ws.id}/members`, { headers: ws.users.viewer.headers });
    return Object.fromEntries(
      (res.body as unknown as Array<{ userId: string; role: string }>).map((m) => [m.userId, m.role]),
    );
  };

  it("makes the chosen member owner and the former owner an editor, who can then leave", async () => {
    const res = await t.request("POST", `/api/workspaces/${ws.id}/ownership`, {
      headers: ws.users.owner.headers,
      body: { userId: ws.users.commenter.id },
    });
    expect(res.status).toBe(200);
    const after = await roles();
    expect([after[ws.users.commenter.id], after[ws.users.owner.id]]).toEqual(["owner", "editor"]);
    // Ownership went with it: the former owner may no longer manage members.
    expect(
      (
        await t.request("POST", `/api/workspaces/${ws.id}/ownership`, {
          headers: ws.users.owner.headers,
          body: { userId: ws.users.viewer.id },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.request("DELETE", `/api/workspaces/${ws.id}/members/${ws.users.owner.id}`, {
          headers: ws.users.owner.headers,
        })
      ).status,
    ).toBe(200);
  });

  it("refuses someone who is not a member, and the owner themselves, changing nothing", async () => {
    const stranger = await buildUser(t.services.db);
    const before = await roles();
    const toStranger = await t.request("POST", `/api/workspaces/${ws.id}/ownership`, {
      headers: ws.users.owner.headers,
      body: { userId: stranger.id },
    });
    expect([toStranger.status, toStranger.body.error?.code]).toEqual([404, "not_found"]);
    const toSelf = await t.request("POST", `/api/workspaces/${ws.id}/ownership`, {
      headers: ws.users.owner.headers,
      body: { userId: ws.users.owner.id },
    });
    expect([toSelf.status, toSelf.body.error?.code]).toEqual([409, "already_owner"]);
    expect(await roles()).toEqual(before);
  });
});
