import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { INVITATIONS_PER_HOUR } from "../../commands/invitationCreator.js";
import { updateProfile } from "../../store/userStore.js";
import { updateWorkspace } from "../../store/workspaceStore.js";
import { buildUser, buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { startSmtpCapture, type SmtpCapture } from "../../testing/smtpCapture.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const PUBLIC_URL = "https://cjm.example.test";

describe.each(testDialects)("invitation e-mails through a real SMTP server on %s", (dialect) => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let ws: TestWorkspace;
  const start = async (options: { failing?: boolean } = {}) => {
    smtp = await startSmtpCapture(options);
    t = await createTestApp(dialect, { publicUrl: PUBLIC_URL, mail: smtp.settings(PUBLIC_URL) });
    ws = await buildWorkspace(t.services.db);
  };
  const invite = (email: string, role = "editor") =>
    t.request("POST", `/api/workspaces/${ws.id}/invitations`, {
      headers: ws.users.owner.headers,
      body: { email, role },
    });
  afterEach(async () => {
    await t.dispose();
    await smtp.close();
  });

  describe("with a working SMTP server", () => {
    beforeEach(() => start());

    it("sends a new person the one-time link in the workspace's language", async () => {
      await updateWorkspace(t.services.db, ws.id, { locale: "ru" });
      const res = await invite("New.Person@Example.test");
      expect([res.status, res.body.emailStatus, res.body.emailError]).toEqual([201, "sent", null]);
      const mail = await smtp.next();
      expect(mail.to).toEqual(["new.person@example.test"]);
      expect(mail.subject).toBe("owner user приглашает вас в Test workspace в OpenCJM");
      const link = `${PUBLIC_URL}${String(res.body.acceptPath)}`;
      expect(mail.text).toContain(link);
      expect(mail.text).toContain("с ролью «редактор»");
      expect(mail.html).toContain(`href="${link}"`);
      expect(mail.html).toContain('lang="ru"');
    });

    it("writes to someone with an account in their own language, right to left for Persian", async () => {
      const invitee = await buildUser(t.services.db);
      await updateProfile(t.services.db, invitee.id, { locale: "fa" });
      expect((await invite(invitee.email, "commenter")).body.emailStatus).toBe("sent");
      const mail = await smtp.next();
      expect(mail.subject).toBe("owner user شما را به Test workspace در OpenCJM دعوت کرده است");
      expect(mail.html).toContain('dir="rtl"');
      expect(mail.text).toContain("با نقش نظردهنده");
    });

    it("escapes a hostile workspace and inviter name in the HTML and keeps the subject on one line", async () => {
      const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)> & Co`;
      await updateWorkspace(t.services.db, ws.id, { name: `${hostile}\r\nBcc: victim@example.test` });
      expect((await invite("someone@example.test")).body.emailStatus).toBe("sent");
      const mail = await smtp.next();
      expect(mail.to).toEqual(["someone@example.test"]);
      expect(mail.html).not.toContain("<script");
      expect(mail.html).not.toContain("<img");
      expect(mail.html).toContain(
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; Co",
      );
      expect(mail.subject).toContain(hostile);
      expect(mail.subject).not.toMatch(/[\r\n]/);
    });
  });

  describe("with an SMTP server that refuses the message", () => {
    beforeEach(() => start({ failing: true }));

    it("keeps the invitation, reports the failure to the inviter, and the copied link still works", async () => {
      const res = await invite("kept@example.test", "viewer");
      expect([res.status, res.body.emailStatus]).toEqual([201, "failed"]);
      expect(String(res.body.emailError)).toMatch(/relay refused this message/);
      const list = await t.request("GET", `/api/workspaces/${ws.id}/invitations`, { headers: ws.users.owner.headers });
      expect((list.body as unknown as Array<{ email: string }>).map((i) => i.email)).toEqual(["kept@example.test"]);
      const token = decodeURIComponent(String(res.body.acceptPath).replace("/invite/", ""));
      const signup = await t.request("POST", "/api/auth/signup", {
        body: {
          email: "kept@example.test",
          name: "Kept",
          password: "a long and unusual passphrase 42",
          invitation: token,
        },
      });
      expect(signup.status).toBe(201);
    });
  });
});

describe.each(testDialects)("invitation links on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
  });
  afterEach(() => t.dispose());
  const invite = (email: string) =>
    t.request("POST", `/api/workspaces/${ws.id}/invitations`, {
      headers: ws.users.owner.headers,
      body: { email, role: "editor" },
    });

  it("without SMTP says the link is to be copied, and stores only the token's hash", async () => {
    const res = await invite("copy@example.test");
    expect([res.status, res.body.emailStatus]).toEqual([201, "off"]);
    const token = String(res.body.token);
    const rows = await t.services.db.kysely.selectFrom("invitations").select("token_hash").execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).not.toContain(token);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("lets only one of two people accepting the same link at once in; the other is told it was used", async () => {
    const invitee = await buildUser(t.services.db, { email: "twice@example.test" });
    const token = String((await invite(invitee.email)).body.token);
    const results = await Promise.all(
      [0, 1].map(() => t.request("POST", "/api/invitations/accept", { headers: invitee.headers, body: { token } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.error?.code).toBe("invitation_used");
  });

  it(`refuses invitation number ${INVITATIONS_PER_HOUR + 1} within an hour with 429 and stores nothing more`, async () => {
    for (let i = 0; i < INVITATIONS_PER_HOUR; i++) expect((await invite(`p${i}@example.test`)).status).toBe(201);
    const refused = await invite("one-more@example.test");
    expect([refused.status, refused.body.error?.code]).toEqual([429, "too_many_invitations"]);
    expect(refused.headers.get("retry-after")).toBeTruthy();
    const list = await t.request("GET", `/api/workspaces/${ws.id}/invitations`, { headers: ws.users.owner.headers });
    expect(list.body).toHaveLength(INVITATIONS_PER_HOUR);
  });
});
