/** Keys the limiter remembers at most; a flood of made-up e-mails or addresses drops the oldest instead of growing. */
const MAX_KEYS = 50_000;
/** How much slower the shared per-e-mail budget is than the per-address ones. */
const EMAIL_BUDGET_FACTOR = 3;
const MAX_EMAIL_DELAY_MS = 5_000;

/** What the limiter says about a sign-in attempt. */
export interface LoginVerdict {
  /** Seconds until this address may try again (this e-mail from here, or anything from here), or 0. */
  retryAfterSeconds: number;
  /** A pause before checking the password, once the e-mail has failed often from everywhere together. */
  delayMs: number;
}

/**
 * Counts failed sign-ins in a sliding window (PRODUCT.md §6 Security) and says when to refuse or slow one. Refusals
 * are per address: one e-mail from one address after `limit` failures, and anything from one address after
 * `3 × limit`. Failures on one e-mail from all addresses together only slow its sign-ins down, never block them, so
 * a stranger cannot lock a known account out, while guessing from many addresses still gets slower.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The verdict for a sign-in to `email` from `address`. */
  check(email: string, address: string): LoginVerdict {
    const wait = Math.max(
      this.waitSeconds(pairKey(email, address), this.limit),
      this.waitSeconds(`ip:${address}`, this.limit * EMAIL_BUDGET_FACTOR),
    );
    const overBudget = this.recent(`email:${email}`).length - this.limit * EMAIL_BUDGET_FACTOR;
    return {
      retryAfterSeconds: wait,
      delayMs: overBudget >= 0 ? Math.min(MAX_EMAIL_DELAY_MS, 1000 * (overBudget + 1)) : 0,
    };
  }

  /** Records a failed sign-in to `email` from `address`. */
  recordFailure(email: string, address: string): void {
    const now = this.now();
    for (const key of [pairKey(email, address), `ip:${address}`, `email:${email}`]) {
      const times = this.recent(key);
      this.failures.delete(key);
      // Only the newest failures can ever decide a verdict; older ones need not be kept.
      this.failures.set(key, [...times.slice(-this.limit * EMAIL_BUDGET_FACTOR * 2), now]);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  /** Forgets the failures of this e-mail from this address after a successful sign-in. */
  recordSuccess(email: string, address: string): void {
    this.failures.delete(pairKey(email, address));
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const recent = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }

  private waitSeconds(key: string, limit: number): number {
    const recent = this.recent(key);
    if (recent.length < limit) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - limit]! + this.windowMs - this.now()) / 1000));
  }
}

const pairKey = (email: string, address: string) => `pair:${email}|${address}`;
