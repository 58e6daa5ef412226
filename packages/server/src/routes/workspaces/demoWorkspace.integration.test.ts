import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTokenHeaders, buildUser, type TestUser } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

describe.each(testDialects)("example workspace on %s", (dialect) => {
  let t: TestApp;
  let user: TestUser;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    user = await buildUser(t.services.db);
  });
  afterEach(() => t.dispose());

  it("gives a signed-in person a workspace of their own with example personas and maps", async () => {
    const res = await t.request("POST", "/api/workspaces/demo", { headers: user.headers });
    expect(res.status).toBe(201);
    const created = res.body as { id: string; role: string; mapIds: string[] };
    expect(created.role).toBe("owner");
    const maps = (await t.request("GET", `/api/workspaces/${created.id}/maps`, { headers: user.headers }))
      .body as unknown as Array<{ id: string }>;
    expect(maps.map((m) => m.id).sort()).toEqual([...created.mapIds].sort());
    expect(maps.length).toBeGreaterThanOrEqual(4);
    const personas = (await t.request("GET", `/api/workspaces/${created.id}/personas`, { headers: user.headers }))
      .body as unknown as unknown[];
    expect(personas.length).toBeGreaterThanOrEqual(3);
    const session = (await t.request("GET", "/api/auth/session", { headers: user.headers })).body as {
      workspaces: Array<{ id: string }>;
    };
    expect(session.workspaces.map((w) => w.id)).toEqual([created.id]);
  });

  it("is not for API tokens or strangers", async () => {
    expect(
      (
        await t.request("POST", "/api/workspaces/demo", {
          headers: await buildTokenHeaders(t.services.db, user.id, "write"),
        })
      ).status,
    ).toBe(403);
    expect((await t.request("POST", "/api/workspaces/demo")).status).toBe(401);
    const withoutCsrf = { ...user.headers };
    delete withoutCsrf["x-csrf-token"];
    expect((await t.request("POST", "/api/workspaces/demo", { headers: withoutCsrf })).status).toBe(403);
  });
});
