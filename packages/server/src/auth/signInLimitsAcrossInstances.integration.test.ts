import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDIS_SERVER, startTestRedis, type TestRedis } from "../testing/redisServer.js";
import { startServerProcess, type ServerProcess } from "../testing/serverProcess.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../testing/testDatabases.js";

const skip = existsSync(REDIS_SERVER) ? undefined : `no Redis server at ${REDIS_SERVER}`;
if (skip) console.warn(`skipped: sign-in limits across instances (${skip})`);

const signIn = (server: ServerProcess, email: string) =>
  fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "not the password" }),
  });

// Several instances need PostgreSQL (SQLite serves one instance alone), so this runs where PostgreSQL does.
describe.skipIf(skip !== undefined).each(testDialects.filter((d) => d === "postgres"))(
  "sign-in limits of two instances sharing %s and Redis",
  (dialect) => {
    let t: TestDatabase;
    let redis: TestRedis;
    let a: ServerProcess;
    let b: ServerProcess;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      redis = await startTestRedis();
      const env = {
        DATABASE_URL: t.config.databaseUrl,
        REDIS_URL: redis.url,
        REDIS_PREFIX: "limits-test",
        LOGIN_RATE_LIMIT: "5",
      };
      const instance = () =>
        startServerProcess([], { ...env, DATA_DIR: mkdtempSync(join(tmpdir(), "opencjm-instance-")) });
      [a, b] = await Promise.all([instance(), instance()]);
    }, 120_000);
    afterAll(async () => {
      await Promise.all([a, b].map((server) => server?.stop()));
      await redis?.stop();
      await t?.dispose();
    });

    it("refuses on the other instance the sixth failed sign-in of an e-mail from one address", async () => {
      for (let i = 0; i < 5; i++) expect((await signIn(a, "ana@example.com")).status).toBe(401);
      const refused = await signIn(b, "ana@example.com");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await signIn(a, "ana@example.com")).status).toBe(429);
      // Another e-mail from the same address still has its own budget.
      expect((await signIn(a, "bo@example.com")).status).toBe(401);
    });
  },
);
