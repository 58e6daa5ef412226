import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTokenHeaders, buildUser, buildWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";
import { hashSecret } from "../../auth/resolveCaller.js";

const cookieOf = (headers: Headers) => headers.get("set-cookie")?.match(/cjm_session=([^;]+)/)?.[1] ?? "";

describe.each(testDialects)("accounts and sessions on %s", (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { loginRateLimit: 3 });
  });
  afterEach(() => t.dispose());

  it("signs up, reads the session, signs out, and the old cookie stops working", async () => {
    const signup = await t.request("POST", "/api/auth/signup", {
      body: { email: "Ana@Example.com", name: "Ana", password: "a long password" },
    });
    expect(signup.status).toBe(201);
    expect(signup.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    const cookie = cookieOf(signup.headers);
    const headers = { cookie: `cjm_session=${cookie}` };
    const session = await t.request("GET", "/api/auth/session", { headers });
    expect(session.body).toMatchObject({ user: { email: "ana@example.com", name: "Ana" }, workspaces: [] });
    const csrf = String(session.body.csrfToken);
    expect(
      (await t.request("POST", "/api/auth/logout", { headers: { ...headers, "x-csrf-token": csrf } })).status,
    ).toBe(200);
    const after = await t.request("GET", "/api/auth/session", { headers });
    expect([after.status, after.body.error?.code]).toEqual([401, "session_expired"]);
  });

  it("refuses a duplicate e-mail and a short password, naming the field", async () => {
    await buildUser(t.services.db, { email: "taken@example.com" });
    const dup = await t.request("POST", "/api/auth/signup", {
      body: { email: "TAKEN@example.com", name: "X", password: "a long password" },
    });
    expect([dup.status, dup.body.error?.issues[0]?.path]).toEqual([409, "email"]);
    const short = await t.request("POST", "/api/auth/signup", {
      body: { email: "new@example.com", name: "X", password: "short" },
    });
    expect([short.status, short.body.error?.issues[0]?.path]).toEqual([400, "password"]);
  });

  it("answers a wrong password and an unknown e-mail alike, then rate-limits with Retry-After", async () => {
    const user = await buildUser(t.services.db, { email: "bo@example.com" });
    const wrong = await t.request("POST", "/api/auth/login", {
      body: { email: "bo@example.com", password: "nope nope nope" },
    });
    const unknown = await t.request("POST", "/api/auth/login", {
      body: { email: "nobody@example.com", password: "nope nope nope" },
    });
    expect([wrong.status, wrong.body.error?.message]).toEqual([401, unknown.body.error?.message]);
    await t.request("POST", "/api/auth/login", { body: { email: "bo@example.com", password: "still wrong" } });
    await t.request("POST", "/api/auth/login", { body: { email: "bo@example.com", password: "still wrong" } });
    const blocked = await t.request("POST", "/api/auth/login", {
      body: { email: "bo@example.com", password: user.password },
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(blocked.body.error?.message).toMatch(/try again in \d+ seconds/);
  });

  it("signs in with the right password", async () => {
    const user = await buildUser(t.services.db, { email: "cy@example.com" });
    const res = await t.request("POST", "/api/auth/login", {
      body: { email: "CY@example.com", password: user.password },
    });
    expect(res.status).toBe(200);
    expect(cookieOf(res.headers)).not.toBe("");
  });

  it("treats an expired session as expired, not as anonymous", async () => {
    const user = await buildUser(t.services.db);
    await t.services.db.kysely
      .updateTable("sessions")
      .set({ expires_at: "2000-01-01T00:00:00.000Z" })
      .where("id", "=", hashSecret(user.cookie))
      .execute();
    const res = await t.request("GET", "/api/workspaces", { headers: user.headers });
    expect([res.status, res.body.error?.code]).toEqual([401, "session_expired"]);
  });

  it("requires the CSRF header for cookie sessions on writes but not for API tokens", async () => {
    const user = await buildUser(t.services.db);
    const { "x-csrf-token": _csrf, ...noCsrf } = user.headers;
    const missing = await t.request("POST", "/api/workspaces", { headers: noCsrf, body: { name: "W" } });
    expect([missing.status, missing.body.error?.code]).toEqual([403, "csrf_failed"]);
    const wrong = await t.request("POST", "/api/workspaces", {
      headers: { ...noCsrf, "x-csrf-token": "forged" },
      body: { name: "W" },
    });
    expect(wrong.status).toBe(403);
    const token = await buildTokenHeaders(t.services.db, user.id, "write");
    expect((await t.request("POST", "/api/workspaces", { headers: token, body: { name: "W" } })).status).toBe(201);
  });

  it("keeps API tokens to their scope and workspace, and revoked tokens stop working", async () => {
    const ws = await buildWorkspace(t.services.db);
    const other = await buildWorkspace(t.services.db);
    const read = await buildTokenHeaders(t.services.db, ws.users.editor.id, "read");
    const readAttempt = await t.request("POST", `/api/workspaces/${ws.id}/personas`, {
      headers: read,
      body: { name: "P" },
    });
    expect([readAttempt.status, readAttempt.body.error?.message]).toEqual([403, "this API token is read-only"]);
    const scoped = await buildTokenHeaders(t.services.db, ws.users.owner.id, "write", ws.id);
    await t.services.db.kysely
      .insertInto("members")
      .values({
        workspace_id: other.id,
        user_id: ws.users.owner.id,
        role: "owner",
        created_at: new Date().toISOString(),
      })
      .execute();
    expect((await t.request("GET", `/api/workspaces/${other.id}/personas`, { headers: scoped })).status).toBe(404);
    expect((await t.request("GET", `/api/workspaces/${ws.id}/personas`, { headers: scoped })).status).toBe(200);
    const created = await t.request("POST", "/api/tokens", {
      headers: ws.users.owner.headers,
      body: { name: "ci", scope: "write" },
    });
    const bearer = { authorization: `Bearer ${String(created.body.token)}` };
    expect((await t.request("GET", "/api/workspaces", { headers: bearer })).status).toBe(200);
    await t.request("DELETE", `/api/tokens/${String(created.body.id)}`, { headers: ws.users.owner.headers });
    const revoked = await t.request("GET", "/api/workspaces", { headers: bearer });
    expect([revoked.status, revoked.body.error?.code]).toEqual([401, "token_invalid"]);
  });

  it("invites by e-mail; the invitee joins with the role once, and an expired invitation is refused", async () => {
    const ws = await buildWorkspace(t.services.db);
    const guest = await buildUser(t.services.db, { email: "guest@example.com" });
    const invite = await t.request("POST", `/api/workspaces/${ws.id}/invitations`, {
      headers: ws.users.owner.headers,
      body: { email: "guest@example.com", role: "commenter" },
    });
    expect(invite.status).toBe(201);
    const accepted = await t.request("POST", "/api/invitations/accept", {
      headers: guest.headers,
      body: { token: invite.body.token },
    });
    expect(accepted.body).toEqual({ workspaceId: ws.id, role: "commenter" });
    const again = await t.request("POST", "/api/invitations/accept", {
      headers: guest.headers,
      body: { token: invite.body.token },
    });
    expect(again.status).toBe(409);
    const late = await t.request("POST", `/api/workspaces/${ws.id}/invitations`, {
      headers: ws.users.owner.headers,
      body: { email: "guest@example.com", role: "editor" },
    });
    await t.services.db.kysely
      .updateTable("invitations")
      .set({ expires_at: "2000-01-01T00:00:00.000Z" })
      .where("id", "=", String(late.body.id))
      .execute();
    expect(
      (await t.request("POST", "/api/invitations/accept", { headers: guest.headers, body: { token: late.body.token } }))
        .status,
    ).toBe(410);
  });

  it("never leaves a workspace without an owner", async () => {
    const ws = await buildWorkspace(t.services.db);
    const demote = await t.request("PATCH", `/api/workspaces/${ws.id}/members/${ws.users.owner.id}`, {
      headers: ws.users.owner.headers,
      body: { role: "editor" },
    });
    expect([demote.status, demote.body.error?.code]).toEqual([409, "last_owner"]);
    await t.request("PATCH", `/api/workspaces/${ws.id}/members/${ws.users.editor.id}`, {
      headers: ws.users.owner.headers,
      body: { role: "owner" },
    });
    expect(
      (
        await t.request("PATCH", `/api/workspaces/${ws.id}/members/${ws.users.owner.id}`, {
          headers: ws.users.owner.headers,
          body: { role: "editor" },
        })
      ).status,
    ).toBe(200);
  });

  it("answers malformed JSON, unknown fields, wrong types and oversize bodies with a precise 4xx", async () => {
    const user = await buildUser(t.services.db);
    const malformed = await t.request("POST", "/api/workspaces", { headers: user.headers, body: "{not json" });
    expect(malformed.status).toBe(400);
    const unknown = await t.request("POST", "/api/workspaces", {
      headers: user.headers,
      body: { name: "W", colour: "red" },
    });
    expect([unknown.status, unknown.body.error?.message]).toEqual([400, expect.stringContaining("colour")]);
    const wrongType = await t.request("POST", "/api/workspaces", { headers: user.headers, body: { name: 42 } });
    expect([wrongType.status, wrongType.body.error?.issues[0]?.path]).toEqual([400, "name"]);
    const huge = await t.request("POST", "/api/workspaces", {
      headers: user.headers,
      body: { name: "x".repeat(t.services.config.maxBodyBytes + 10) },
    });
    expect([huge.status, huge.body.error?.code]).toEqual([413, "payload_too_large"]);
    const count = await t.services.db.kysely
      .selectFrom("workspaces")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
