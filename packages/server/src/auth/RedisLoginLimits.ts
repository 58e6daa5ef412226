import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterRes } from "rate-limiter-flexible";
import {
  EMAIL_BUDGET_FACTOR,
  emailSlowDownMs,
  LOGIN_WINDOW_MS,
  type LoginLimits,
  type LoginVerdict,
} from "./loginRateLimiter.js";

/**
 * The sign-in policy of LoginRateLimiter with its counts in Redis, so several instances behind one address share one
 * budget (an attacker spreading guesses over N instances does not get N times as many). Counted by
 * rate-limiter-flexible in windows of LOGIN_WINDOW_MS from a key's first failure (Redis keys expiring with the window)
 * rather than the in-memory limiter's sliding window: the same budgets, a retry time that can come a little sooner.
 * When Redis is not reachable each instance counts in its own memory meanwhile (rate-limiter-flexible's insurance
 * limiter), so sign-in keeps working and stays limited.
 */
export class RedisLoginLimits implements LoginLimits {
  private readonly pair: RateLimiterRedis;
  private readonly address: RateLimiterRedis;
  private readonly email: RateLimiterRedis;

  constructor(
    redis: Redis,
    prefix: string,
    private readonly limit: number,
    windowMs = LOGIN_WINDOW_MS,
  ) {
    const duration = Math.max(1, Math.ceil(windowMs / 1000));
    const counter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}:login:${name}`,
        points,
        duration,
        // Answer from memory at once while Redis is down instead of queueing sign-ins behind its reconnection.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `login:${name}`, points, duration }),
      });
    this.pair = counter("pair", limit);
    this.address = counter("address", limit * EMAIL_BUDGET_FACTOR);
    // Never refuses: its count only decides the slow-down, so its points are never "used up".
    this.email = counter("email", Number.MAX_SAFE_INTEGER);
  }

  async check(email: string, address: string): Promise<LoginVerdict> {
    const [pair, fromAddress, onEmail] = await Promise.all([
      this.pair.get(pairKey(email, address)),
      this.address.get(address),
      this.email.get(email),
    ]);
    return {
      retryAfterSeconds: Math.max(
        waitSeconds(pair, this.limit),
        waitSeconds(fromAddress, this.limit * EMAIL_BUDGET_FACTOR),
      ),
      delayMs: emailSlowDownMs(onEmail?.consumedPoints ?? 0, this.limit),
    };
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([
      this.pair.penalty(pairKey(email, address)),
      this.address.penalty(address),
      this.email.penalty(email),
    ]);
  }

  async recordSuccess(email: string, address: string): Promise<void> {
    await this.pair.delete(pairKey(email, address));
  }
}

const pairKey = (email: string, address: string) => `${email}|${address}`;

function waitSeconds(counted: RateLimiterRes | null, limit: number): number {
  if (!counted || counted.consumedPoints < limit) return 0;
  return Math.max(1, Math.ceil(counted.msBeforeNext / 1000));
}
