import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/testApp.js";

describe("web app placeholder", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("sqlite");
  });
  afterAll(() => t.dispose());

  it("serves the page, its script and the Persian catalogue", async () => {
    const page = await t.app.request("/");
    expect(await page.text()).toContain('<script type="module" src="/assets/main.js">');
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    const script = await t.app.request("/assets/main.js");
    expect([script.status, script.headers.get("content-type")]).toEqual([200, "text/javascript; charset=utf-8"]);
    const fa = (await (await t.app.request("/i18n/fa.json")).json()) as Record<string, string>;
    expect(fa["home.language"]).toBe("زبان");
  });

  it("serves nothing outside its own files", async () => {
    for (const path of ["/i18n/..%2F..%2Fpackage.json", "/i18n/de.json", "/assets/..%2F..%2Fpackage.json", "/assets/secret.txt"]) {
      expect([path, (await t.app.request(path)).status]).toEqual([path, 404]);
    }
  });
});
