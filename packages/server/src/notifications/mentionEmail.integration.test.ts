import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { updateProfile } from "../store/userStore.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { startSmtpCapture, type SmtpCapture } from "../testing/smtpCapture.js";
import { createTestApp, type TestApp } from "../testing/testApp.js";
import { testDialects } from "../testing/testDatabases.js";

const PUBLIC_URL = "https://cjm.example.test";

describe.each(testDialects)("mention e-mails on %s", (dialect) => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let ws: TestWorkspace;
  beforeEach(async () => {
    smtp = await startSmtpCapture();
    t = await createTestApp(dialect, { publicUrl: PUBLIC_URL, mail: smtp.settings(PUBLIC_URL) });
    ws = await buildWorkspace(t.services.db);
  });
  afterEach(async () => {
    await t.dispose();
    await smtp.close();
  });

  const mention = (userId: string, excerpt: string) =>
    t.services.notifications.notify([
      {
        userId,
        workspaceId: ws.id,
        kind: "mention",
        actorId: ws.users.owner.id,
        mapId: "map_1",
        subjectId: "thr_1",
        data: { mapTitle: "Checkout", excerpt },
      },
    ]);

  it("e-mails the mentioned person in their language with the comment escaped and a link to the map", async () => {
    await updateProfile(t.services.db, ws.users.editor.id, { locale: "zh-Hant" });
    await mention(ws.users.editor.id, `<b>look</b> & see`);
    const mail = await smtp.next();
    expect(mail.to).toEqual([ws.users.editor.email]);
    expect(mail.subject).toBe("owner user 在「Checkout」中提及了您");
    expect(mail.text).toContain("> <b>look</b> & see");
    expect(mail.html).toContain("&lt;b&gt;look&lt;/b&gt; &amp; see");
    expect(mail.html).toContain(`href="${PUBLIC_URL}/w/${ws.id}/maps/map_1"`);
  });

  it("sends nothing to someone who turned mention e-mails off, and still e-mails the others", async () => {
    await t.request("PATCH", "/api/notifications/settings", {
      headers: ws.users.viewer.headers,
      body: { emailMentions: false },
    });
    await mention(ws.users.viewer.id, "quiet please");
    await mention(ws.users.commenter.id, "loud please");
    const mail = await smtp.next();
    expect(mail.to).toEqual([ws.users.commenter.email]);
    expect(smtp.messages.map((m) => m.to[0])).not.toContain(ws.users.viewer.email);
    // Both still have the notification in the app.
    const count = await t.request("GET", "/api/notifications/unread-count", { headers: ws.users.viewer.headers });
    expect(count.body).toEqual({ unread: 1 });
  });
});
