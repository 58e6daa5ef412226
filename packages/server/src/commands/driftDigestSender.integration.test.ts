import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lastScheduledRun, nextScheduledRun, parseDriftDigestSchedule } from "../mail/driftDigestSchedule.js";
import { updateProfile } from "../store/userStore.js";
import { buildDriftingShop } from "../testing/driftingShop.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { startSmtpCapture, type SmtpCapture } from "../testing/smtpCapture.js";
import { createTestApp, type TestApp } from "../testing/testApp.js";
import { testDialects } from "../testing/testDatabases.js";
import { sendDriftDigests } from "./driftDigestSender.js";

const PUBLIC_URL = "https://cjm.example.test";

describe("the weekly drift digest's schedule", () => {
  it("reads a weekday and a UTC time, finds this week's and next week's run, and names a wrong value", () => {
    const monday7 = parseDriftDigestSchedule("Mon 07:00")!;
    // Saturday 5 December 2026, noon: this week's run was Monday 30 November, the next is Monday 7 December.
    const now = Date.parse("2026-12-05T12:00:00Z");
    expect(new Date(lastScheduledRun(monday7, now)).toISOString()).toBe("2026-11-30T07:00:00.000Z");
    expect(new Date(nextScheduledRun(monday7, now)).toISOString()).toBe("2026-12-07T07:00:00.000Z");
    expect(lastScheduledRun(monday7, Date.parse("2026-11-30T07:00:00Z"))).toBe(Date.parse("2026-11-30T07:00:00Z"));
    expect(parseDriftDigestSchedule("off")).toBeUndefined();
    expect(() => parseDriftDigestSchedule("every monday")).toThrow(/DRIFT_DIGEST_SCHEDULE must look like "mon 07:00"/);
    expect(() => parseDriftDigestSchedule("mon 25:00")).toThrow(RangeError);
  });
});

describe.each(testDialects)("weekly drift digest e-mails on %s", (dialect) => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let ws: TestWorkspace;
  beforeEach(async () => {
    smtp = await startSmtpCapture();
    t = await createTestApp(dialect, { publicUrl: PUBLIC_URL, mail: smtp.settings(PUBLIC_URL) });
    ws = await buildWorkspace(t.services.db);
    await buildDriftingShop(t, ws);
    await t.request("PUT", `/api/workspaces/${ws.id}/drift/settings`, {
      headers: ws.users.owner.headers,
      body: { settleDays: 0 },
    });
  });
  afterEach(async () => {
    await t.dispose();
    await smtp.close();
  });

  const subscribe = (role: "editor" | "viewer") =>
    t.request("PUT", `/api/workspaces/${ws.id}/drift/subscription`, {
      headers: ws.users[role].headers,
      body: { weeklyEmail: true },
    });

  it("e-mails members who opted in, in their language, once a week, and nobody else", async () => {
    await updateProfile(t.services.db, ws.users.viewer.id, { locale: "ru" });
    await subscribe("viewer");
    await subscribe("editor");
    const run = await sendDriftDigests(t.services, "2026-11-30");
    expect(run).toEqual({ sent: 2, nothingToReport: 0, failed: [] });
    const mails = [...smtp.messages].sort((a, b) => a.to[0]!.localeCompare(b.to[0]!));
    expect(mails.map((m) => m.to)).toEqual([[ws.users.editor.email], [ws.users.viewer.email]].sort());
    const russian = smtp.messages.find((m) => m.to[0] === ws.users.viewer.email)!;
    expect(russian.text).toContain("Shop · ad — конверсия в следующий шаг");
    expect(russian.text).toContain("к лучшему");
    const english = smtp.messages.find((m) => m.to[0] === ws.users.editor.email)!;
    expect(english.subject).toContain("the data moved on your maps (flags: 1)");
    expect(english.text).toMatch(/Shop · ad — conversion to the next step: 30(\.4)?% → 59(\.5)?%, for the better/);
    expect(english.html).toContain(`href="${PUBLIC_URL}/w/${ws.id}/drift"`);

    // The same week again (a restart, a second instance): nothing more.
    expect(await sendDriftDigests(t.services, "2026-11-30")).toEqual({ sent: 0, nothingToReport: 0, failed: [] });
    expect(smtp.messages).toHaveLength(2);
  });

  it("sends nothing to a member who turned it off, or who left the workspace", async () => {
    await subscribe("viewer");
    await subscribe("editor");
    await t.request("PUT", `/api/workspaces/${ws.id}/drift/subscription`, {
      headers: ws.users.editor.headers,
      body: { weeklyEmail: false },
    });
    await t.services.db.kysely
      .deleteFrom("members")
      .where("workspace_id", "=", ws.id)
      .where("user_id", "=", ws.users.viewer.id)
      .execute();
    expect(await sendDriftDigests(t.services, "2026-11-30")).toEqual({ sent: 0, nothingToReport: 0, failed: [] });
    expect(smtp.messages).toEqual([]);
  });
});
