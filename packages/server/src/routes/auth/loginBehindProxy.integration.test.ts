import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../commands/userCreator.js";
import { loadConfig } from "../../config.js";
import { startServer, type RunningServer } from "../../startServer.js";

describe("sign-in limits behind a trusted proxy (TRUST_PROXY=loopback)", () => {
  let server: RunningServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cjm-proxy-"));
    server = await startServer(
      loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir, loginRateLimit: 3, trustProxy: ["loopback"] }),
    );
    await createUser(server.services.db, {
      email: "owner@example.test",
      name: "Owner",
      password: "the owner's own passphrase",
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A sign-in as the proxy sends it: every request comes from loopback, the client is in X-Forwarded-For. */
  const login = (forwardedFor: string, email: string, password: string) =>
    fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
      body: JSON.stringify({ email, password }),
    });

  it("refuses the guessing client, not everyone behind the proxy, and the account's owner still signs in", async () => {
    for (let i = 0; i < 3; i++)
      expect((await login("203.0.113.66", "owner@example.test", `guess number ${i}`)).status).toBe(401);
    const refused = await login("203.0.113.66", "owner@example.test", "the owner's own passphrase");
    expect([refused.status, Number(refused.headers.get("retry-after")) > 0]).toEqual([429, true]);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /try again in \d+ seconds/,
    );
    // The guesser cannot pretend to be someone else: only the hop the proxy itself saw counts.
    expect((await login("198.51.100.1, 203.0.113.66", "owner@example.test", "one more guess")).status).toBe(429);
    expect((await login("198.51.100.7", "someone@example.test", "a wrong password")).status).toBe(401);
    expect((await login("198.51.100.1", "owner@example.test", "the owner's own passphrase")).status).toBe(200);
  });
});
