/** Keys the limiter remembers at most; a flood of made-up e-mails or addresses drops the oldest instead of growing. */
const MAX_KEYS = 50_000;
/** How much larger the per-address and the shared per-e-mail budgets are than one e-mail's from one address. */
export const EMAIL_BUDGET_FACTOR = 3;
const MAX_EMAIL_DELAY_MS = 5_000;
/** The window failed sign-ins are counted in (LOGIN_RATE_LIMIT is per this long). */
export const LOGIN_WINDOW_MS = 15 * 60_000;

/** The pause before checking a password once an e-mail has `failures` from all addresses together (0 within budget). */
export function emailSlowDownMs(failures: number, limit: number): number {
  const overBudget = failures - limit * EMAIL_BUDGET_FACTOR;
  return overBudget >= 0 ? Math.min(MAX_EMAIL_DELAY_MS, 1000 * (overBudget + 1)) : 0;
}

/** What the limiter says about a sign-in attempt. */
export interface LoginVerdict {
  /** Seconds until this address may try again (this e-mail from here, or anything from here), or 0. */
  retryAfterSeconds: number;
  /** A pause before checking the password, once the e-mail has failed often from everywhere together. */
  delayMs: number;
}

/**
 * The sign-in policy's counts, kept in this process (LoginRateLimiter) or shared by every instance through Redis
 * (RedisLoginLimits): the same verdicts either way.
 */
export interface LoginLimits {
  /** The verdict for a sign-in to `email` from `address`. */
  check(email: string, address: string): Promise<LoginVerdict>;
  /** Records a failed sign-in to `email` from `address`. */
  recordFailure(email: string, address: string): Promise<void>;
  /** Forgets the failures of this e-mail from this address after a successful sign-in. */
  recordSuccess(email: string, address: string): Promise<void>;
}

/**
 * Counts failed sign-ins of one instance, in its memory, in a sliding window (PRODUCT.md §6 Security) and says when to refuse or slow one. Refusals
 * are per address: one e-mail from one address after `limit` failures, and anything from one address after
 * `3 × limit`. Failures on one e-mail from all addresses together only slow its sign-ins down, never block them, so
 * a stranger cannot lock a known account out, while guessing from many addresses still gets slower.
 */
export class LoginRateLimiter implements LoginLimits {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = LOGIN_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The verdict for a sign-in to `email` from `address`. */
  async check(email: string, address: string): Promise<LoginVerdict> {
    const wait = Math.max(
      this.waitSeconds(pairKey(email, address), this.limit),
      this.waitSeconds(`ip:${address}`, this.limit * EMAIL_BUDGET_FACTOR),
    );
    return { retryAfterSeconds: wait, delayMs: emailSlowDownMs(this.recent(`email:${email}`).length, this.limit) };
  }

  /** Records a failed sign-in to `email` from `address`. */
  async recordFailure(email: string, address: string): Promise<void> {
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
  async recordSuccess(email: string, address: string): Promise<void> {
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
