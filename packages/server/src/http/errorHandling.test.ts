import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/DomainError.js";
import { handleError } from "./errorHandling.js";

describe("error answers", () => {
  const app = new Hono();
  app.onError(handleError);
  app.get("/refused", () => {
    throw new DomainError({
      kind: "unprocessable",
      code: "invalid_file",
      message: "events.csv: Could not read '/tmp/cjm-imports/u_1/upload-7.csv'",
      details: [{ path: "file", message: `open ${process.cwd()}/data/events/ws_1.duckdb failed` }],
      retryAfterSeconds: 3,
    });
  });
  app.get("/crash", () => {
    throw new Error(`ENOENT: ${process.cwd()}/packages/web/dist/index.html\n    at readFile (node:fs:1:1)`);
  });

  it("sends the code, a message without the server's paths, the issues and the error's headers", async () => {
    const res = await app.request("/refused");
    const body = (await res.json()) as { error: { code: string; message: string; issues: Array<{ message: string }> } };
    expect([res.status, res.headers.get("retry-after"), body.error.code]).toEqual([422, "3", "invalid_file"]);
    expect(body.error.message).toBe("events.csv: Could not read '…/upload-7.csv'");
    expect(body.error.issues[0]?.message).toBe("open …/ws_1.duckdb failed");
  });

  it("answers an unexpected failure with a plain 500, never its message or stack", async () => {
    const res = await app.request("/crash");
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(text).not.toContain(process.cwd());
    expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: "internal server error", issues: [] } });
  });
});
