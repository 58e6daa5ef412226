/** Counts failed logins per key in a sliding window and says when a key is blocked (PRODUCT.md §6 Security). */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the first of the keys may try again, or 0 when none is blocked. */
  retryAfterSeconds(keys: string[]): number {
    const now = this.now();
    let wait = 0;
    for (const key of keys) {
      const recent = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
      this.failures.set(key, recent);
      if (recent.length >= this.limit) wait = Math.max(wait, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
    }
    return wait;
  }

  /** Records a failed attempt against every key. */
  recordFailure(keys: string[]): void {
    const now = this.now();
    for (const key of keys) this.failures.set(key, [...(this.failures.get(key) ?? []), now]);
  }

  /** Forgets the failures of a key after a successful login. */
  reset(key: string): void {
    this.failures.delete(key);
  }
}
