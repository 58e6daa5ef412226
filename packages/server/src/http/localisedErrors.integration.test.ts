import { LOCALES, translate } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { updateProfile } from "../store/userStore.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { createTestApp, type TestApp } from "../testing/testApp.js";
import { testDialects } from "../testing/testDatabases.js";

// zod's own words for a missing field, in each language (zod v4 ships them).
const missingUserIdIssue = {
  en: "Invalid input: expected string, received undefined",
  "zh-Hant": "無效的輸入值：預期為 string，但收到 undefined",
  "zh-Hans": "无效输入：期望 string，实际接收 undefined",
  ru: "Неверный ввод: ожидалось string, получено undefined",
  fa: "ورودی نامعتبر: می‌بایست string می‌بود، undefined دریافت شد",
};

describe.each(testDialects)("error messages in the reader's language on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
  });
  afterEach(() => t.dispose());

  it.each(LOCALES)("answers a stranger in %s, the first language of Accept-Language we speak", async (locale) => {
    const res = await t.request("POST", "/api/auth/login", {
      headers: { "accept-language": `de-DE;q=0.9, ${locale};q=0.8, en;q=0.1` },
      body: { email: "nobody@example.test", password: "wrong password here" },
    });
    expect([res.status, res.body.error?.code]).toEqual([401, "invalid_credentials"]);
    expect(res.body.error?.message).toBe(translate(locale, "errors", "invalid_credentials"));
  });

  it.each(LOCALES)(
    "answers a signed-in person in their account's language (%s), whatever the browser says",
    async (locale) => {
      await updateProfile(t.services.db, ws.users.owner.id, { locale });
      const headers = { ...ws.users.owner.headers, "accept-language": locale === "fa" ? "ru" : "fa" };
      const missing = await t.request("GET", `/api/workspaces/${ws.id}/maps/m_missing`, { headers });
      expect([missing.status, missing.body.error?.message]).toEqual([
        404,
        translate(locale, "errors", "not_found.map"),
      ]);

      const self = await t.request("POST", `/api/workspaces/${ws.id}/ownership`, {
        headers,
        body: { userId: ws.users.owner.id },
      });
      expect([self.status, self.body.error?.message]).toEqual([409, translate(locale, "errors", "already_owner")]);

      const invalid = await t.request("POST", `/api/workspaces/${ws.id}/ownership`, { headers, body: {} });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error?.message).toBe(`userId: ${missingUserIdIssue[locale]}`);
      expect(invalid.body.error?.issues).toEqual([
        { path: "userId", message: missingUserIdIssue[locale], code: "invalid_type" },
      ]);
    },
  );

  it("keeps today's English when nothing asks for another language", async () => {
    const res = await t.request("GET", `/api/workspaces/${ws.id}/maps/m_missing`, {
      headers: ws.users.owner.headers,
    });
    expect(res.body.error?.message).toBe("map not found");
  });
});
