import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/testApp.js";

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Record<string, string> {
  return Object.fromEntries(
    (header ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values.join(" ")]),
  );
}

describe("Content-Security-Policy", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("sqlite");
  });
  afterAll(() => t.dispose());

  it("lets pages load scripts, fetches and sockets only from this origin, with no plugins, base rewriting or framing", async () => {
    for (const path of ["/", "/print/tok", "/api/health"]) {
      const policy = directives((await t.app.request(path)).headers.get("content-security-policy"));
      expect([path, policy]).toEqual([
        path,
        expect.objectContaining({
          "default-src": "'self'",
          "script-src": "'self'",
          "connect-src": "'self'",
          "object-src": "'none'",
          "base-uri": "'none'",
          "form-action": "'self'",
          "frame-ancestors": "'none'",
          "img-src": "'self' data: blob:",
        }),
      ]);
    }
  });

  it("lets only the embed view be framed by other sites", async () => {
    expect(
      directives((await t.app.request("/embed/tok")).headers.get("content-security-policy"))["frame-ancestors"],
    ).toBe("*");
  });
});
