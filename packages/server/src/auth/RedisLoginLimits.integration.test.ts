import { existsSync } from "node:fs";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedis } from "../cluster/connectRedis.js";
import { REDIS_SERVER, startTestRedis, type TestRedis } from "../testing/redisServer.js";
import { RedisLoginLimits } from "./RedisLoginLimits.js";

const skip = existsSync(REDIS_SERVER) ? undefined : `no Redis server at ${REDIS_SERVER}`;
if (skip) console.warn(`skipped: sign-in limits in Redis (${skip})`);

describe.skipIf(skip !== undefined)("sign-in limits kept in Redis", () => {
  let redis: TestRedis;
  const clients: Redis[] = [];
  let run = 0;
  /** Two instances' limiters over one Redis, under a prefix of this test's own. */
  // Connected first: until its connection is ready an instance counts in its own memory (as while Redis is down).
  const instances = async (limit: number) => {
    const prefix = `limits-${++run}`;
    const pair = [0, 1].map(async () => {
      const client = connectRedis(redis.url, "login-limits-test");
      clients.push(client);
      if (client.status !== "ready") await new Promise((resolve) => client.once("ready", resolve));
      return new RedisLoginLimits(client, prefix, limit);
    });
    return (await Promise.all(pair)) as [RedisLoginLimits, RedisLoginLimits];
  };

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await redis?.stop();
  });

  it("refuses on one instance the e-mail an address failed too often on the other, for the rest of the window", async () => {
    const [a, b] = await instances(3);
    for (let i = 0; i < 3; i++) await a.recordFailure("ana@example.com", "198.51.100.1");
    const verdict = await b.check("ana@example.com", "198.51.100.1");
    expect(verdict.retryAfterSeconds).toBeGreaterThan(0);
    expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(await b.check("ana@example.com", "198.51.100.2")).toEqual({ retryAfterSeconds: 0, delayMs: 0 });
  });

  it("lets the owner of an e-mail a stranger guessed from many addresses sign in, only more slowly", async () => {
    const [a, b] = await instances(3);
    for (let i = 0; i < 9; i++) await (i % 2 ? a : b).recordFailure("ana@example.com", `203.0.113.${i}`);
    expect(await b.check("ana@example.com", "198.51.100.1")).toEqual({ retryAfterSeconds: 0, delayMs: 1000 });
    for (let i = 0; i < 20; i++) await a.recordFailure("ana@example.com", `192.0.2.${i}`);
    expect(await b.check("ana@example.com", "198.51.100.1")).toEqual({ retryAfterSeconds: 0, delayMs: 5000 });
  });

  it("refuses an address that fails across many e-mails on both instances, without affecting other addresses", async () => {
    const [a, b] = await instances(3);
    for (let i = 0; i < 9; i++) await (i % 2 ? a : b).recordFailure(`user${i}@example.com`, "203.0.113.66");
    expect((await a.check("new@example.com", "203.0.113.66")).retryAfterSeconds).toBeGreaterThan(0);
    expect((await a.check("new@example.com", "198.51.100.1")).retryAfterSeconds).toBe(0);
  });

  it("forgets an address's failures on an e-mail once it signs in there, on either instance", async () => {
    const [a, b] = await instances(3);
    for (let i = 0; i < 2; i++) await a.recordFailure("ana@example.com", "198.51.100.1");
    await b.recordSuccess("ana@example.com", "198.51.100.1");
    await a.recordFailure("ana@example.com", "198.51.100.1");
    await b.recordFailure("ana@example.com", "198.51.100.1");
    expect((await a.check("ana@example.com", "198.51.100.1")).retryAfterSeconds).toBe(0);
  });

  // Last: it stops Redis.
  it("keeps limiting sign-ins from each instance's memory while Redis is down, without making them wait", async () => {
    const [a] = await instances(3);
    const client = clients.at(-2)!;
    await redis.stop();
    await expect.poll(() => client.status, { timeout: 20_000 }).not.toBe("ready");
    for (let i = 0; i < 3; i++) await a.recordFailure("ana@example.com", "198.51.100.1");
    expect((await a.check("ana@example.com", "198.51.100.1")).retryAfterSeconds).toBeGreaterThan(0);
  });
});
