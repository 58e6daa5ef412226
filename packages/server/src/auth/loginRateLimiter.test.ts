import { describe, expect, it } from "vitest";
import { LoginRateLimiter } from "./loginRateLimiter.js";

describe("sign-in limits", () => {
  const clock = () => {
    let now = 1_000_000;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  it("refuses an e-mail from the address that failed it too often, until the window has passed", async () => {
    const time = clock();
    const limiter = new LoginRateLimiter(3, 60_000, time.now);
    for (let i = 0; i < 3; i++) await limiter.recordFailure("ana@example.com", "198.51.100.1");
    expect((await limiter.check("ana@example.com", "198.51.100.1")).retryAfterSeconds).toBe(60);
    time.advance(30_000);
    expect((await limiter.check("ana@example.com", "198.51.100.1")).retryAfterSeconds).toBe(30);
    time.advance(30_001);
    expect((await limiter.check("ana@example.com", "198.51.100.1")).retryAfterSeconds).toBe(0);
  });

  it("lets the owner of an e-mail a stranger has been guessing sign in from their own address, only more slowly", async () => {
    const limiter = new LoginRateLimiter(3);
    for (let i = 0; i < 3; i++) await limiter.recordFailure("ana@example.com", "203.0.113.66");
    expect(await limiter.check("ana@example.com", "198.51.100.1")).toEqual({ retryAfterSeconds: 0, delayMs: 0 });
    // Guessing from many addresses: the e-mail's shared budget (3 × 3) runs out, which only slows its sign-ins.
    for (let i = 0; i < 6; i++) await limiter.recordFailure("ana@example.com", `203.0.113.${i}`);
    expect(await limiter.check("ana@example.com", "198.51.100.1")).toEqual({ retryAfterSeconds: 0, delayMs: 1000 });
    for (let i = 0; i < 20; i++) await limiter.recordFailure("ana@example.com", `192.0.2.${i}`);
    expect(await limiter.check("ana@example.com", "198.51.100.1")).toEqual({ retryAfterSeconds: 0, delayMs: 5000 });
  });

  it("refuses an address that fails across many e-mails, without affecting other addresses", async () => {
    const limiter = new LoginRateLimiter(3);
    for (let i = 0; i < 9; i++) await limiter.recordFailure(`user${i}@example.com`, "203.0.113.66");
    expect((await limiter.check("new@example.com", "203.0.113.66")).retryAfterSeconds).toBeGreaterThan(0);
    expect((await limiter.check("new@example.com", "198.51.100.1")).retryAfterSeconds).toBe(0);
  });

  it("forgets an address's failures on an e-mail once it signs in there", async () => {
    const limiter = new LoginRateLimiter(3);
    for (let i = 0; i < 2; i++) await limiter.recordFailure("ana@example.com", "198.51.100.1");
    await limiter.recordSuccess("ana@example.com", "198.51.100.1");
    await limiter.recordFailure("ana@example.com", "198.51.100.1");
    await limiter.recordFailure("ana@example.com", "198.51.100.1");
    expect((await limiter.check("ana@example.com", "198.51.100.1")).retryAfterSeconds).toBe(0);
  });
});
