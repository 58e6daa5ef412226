import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTokenHeaders, buildUser, buildWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const W = "/api/workspaces";

describe.each(testDialects)("account security on %s", (dialect) => {
  let t: TestApp;
  afterEach(() => t.dispose());

  describe("with open sign-up", () => {
    beforeEach(async () => {
      t = await createTestApp(dialect);
    });

    it("refuses a breached, common or personal password at sign-up and on a change, naming the field; nothing is stored", async () => {
      const common = await t.request("POST", "/api/auth/signup", {
        body: { email: "ana.lima@example.com", name: "Ana Lima", password: "password123456" },
      });
      expect([common.status, common.body.error?.code, common.body.error?.issues[0]?.path]).toEqual([
        400,
        "weak_password",
        "password",
      ]);
      expect(common.body.error?.message).toMatch(/common or breached/);
      const personal = await t.request("POST", "/api/auth/signup", {
        body: { email: "ana.lima@example.com", name: "Ana Lima", password: "ana.lima@example.com" },
      });
      expect([personal.status, personal.body.error?.message]).toEqual([
        400,
        "password: must not contain your e-mail address or name",
      ]);
      const users = await t.services.db.kysely.selectFrom("users").select("id").execute();
      expect(users).toEqual([]);
      const user = await buildUser(t.services.db, { email: "bo.berg@example.com", name: "Bo Berg" });
      const weak = await t.request("POST", "/api/auth/password", {
        headers: user.headers,
        body: { currentPassword: user.password, newPassword: "qwertyuiop1" },
      });
      expect([weak.status, weak.body.error?.code, weak.body.error?.issues[0]?.path]).toEqual([
        400,
        "weak_password",
        "newPassword",
      ]);
      expect(
        (await t.request("POST", "/api/auth/login", { body: { email: user.email, password: user.password } })).status,
      ).toBe(200);
    });

    it("ends the other sessions on a password change and, when asked, revokes the account's API tokens", async () => {
      const user = await buildUser(t.services.db);
      const other = await t.request("POST", "/api/auth/login", {
        body: { email: user.email, password: user.password },
      });
      const otherCookie = { cookie: other.headers.get("set-cookie")!.split(";")[0]! };
      const token = await buildTokenHeaders(t.services.db, user.id, "write");
      const keep = await t.request("POST", "/api/auth/password", {
        headers: user.headers,
        body: { currentPassword: user.password, newPassword: "granite orchard lantern" },
      });
      expect(keep.body).toEqual({ ok: true, endedSessions: 1, revokedTokens: 0 });
      expect((await t.request("GET", "/api/auth/session", { headers: otherCookie })).status).toBe(401);
      expect((await t.request("GET", W, { headers: token })).status).toBe(200);
      const revoke = await t.request("POST", "/api/auth/password", {
        headers: user.headers,
        body: { currentPassword: "granite orchard lantern", newPassword: "velvet compass thunder", revokeTokens: true },
      });
      expect(revoke.body).toEqual({ ok: true, endedSessions: 0, revokedTokens: 1 });
      const refused = await t.request("GET", W, { headers: token });
      expect([refused.status, refused.body.error?.code]).toEqual([401, "token_invalid"]);
      expect((await t.request("GET", "/api/auth/session", { headers: user.headers })).status).toBe(200);
    });
  });

  describe("with SIGNUP=invite-only", () => {
    beforeEach(async () => {
      t = await createTestApp(dialect, { signup: "invite-only" });
    });

    it("refuses a sign-up without an invitation and lets an invited person sign up and join the workspace", async () => {
      const closed = await t.request("POST", "/api/auth/signup", {
        body: { email: "stranger@example.com", name: "Stranger", password: "granite orchard lantern" },
      });
      expect([closed.status, closed.body.error?.code]).toEqual([403, "signup_closed"]);
      expect(closed.body.error?.message).toMatch(/invitation/);
      const ws = await buildWorkspace(t.services.db);
      const invited = await t.request("POST", `${W}/${ws.id}/invitations`, {
        headers: ws.users.owner.headers,
        body: { email: "new.hire@example.com", role: "editor" },
      });
      const token = String(invited.body.token);
      const wrongEmail = await t.request("POST", "/api/auth/signup", {
        body: {
          email: "stranger@example.com",
          name: "Stranger",
          password: "granite orchard lantern",
          invitation: token,
        },
      });
      expect([wrongEmail.status, wrongEmail.body.error?.code]).toEqual([403, "forbidden"]);
      const joined = await t.request("POST", "/api/auth/signup", {
        body: {
          email: "New.Hire@example.com",
          name: "New Hire",
          password: "granite orchard lantern",
          invitation: token,
        },
      });
      expect([joined.status, joined.body.workspaces]).toEqual([
        201,
        [{ id: ws.id, name: "Test workspace", role: "editor" }],
      ]);
      const again = await t.request("POST", "/api/auth/signup", {
        body: { email: "new.hire@example.com", name: "Again", password: "granite orchard lantern", invitation: token },
      });
      expect([again.status, again.body.error?.code]).toEqual([409, "invitation_used"]);
      const users = await t.services.db.kysely
        .selectFrom("users")
        .select("email")
        .where("email", "in", ["stranger@example.com", "new.hire@example.com"])
        .execute();
      expect(users).toEqual([{ email: "new.hire@example.com" }]);
    });
  });
});
