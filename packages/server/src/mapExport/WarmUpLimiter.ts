/** Views one person may have drawn ahead of their exports at once, and how fast that allowance comes back. */
const BURST = 3;
const REFILL_MS = 20_000;
/** A view the export browser drew this recently is warm still: asking for it again draws nothing. */
const FRESH_MS = 60_000;
/** Past this many people remembered, those whose allowance is whole again are forgotten. */
const REMEMBERED = 64;

/**
 * Which "get ready" requests may have the export browser draw a map (a second or more of its time each): someone asking
 * again and again must not keep the browser busy on their behalf. Each person may have a few views drawn at once, then
 * one every 20 s, and the view drawn last is not drawn again for a minute (the dialog opening twice, two readers of
 * the same map). One server's, in memory: each server has its own export browser.
 */
export class WarmUpLimiter {
  private readonly allowances = new Map<string, { left: number; at: number }>();
  private last: { view: string; at: number } | undefined;

  /** Whether `userId` may have `view` (any string naming a map and how it is printed) drawn now; counts it if so. */
  allow(userId: string, view: string, now = Date.now()): boolean {
    if (this.last?.view === view && now - this.last.at < FRESH_MS) return false;
    const before = this.allowances.get(userId);
    const left = before ? Math.min(BURST, before.left + (now - before.at) / REFILL_MS) : BURST;
    if (left < 1) return false;
    if (this.allowances.size >= REMEMBERED) this.forgetWhole(now);
    this.allowances.set(userId, { left: left - 1, at: now });
    this.last = { view, at: now };
    return true;
  }

  private forgetWhole(now: number): void {
    for (const [userId, { left, at }] of this.allowances)
      if (left + (now - at) / REFILL_MS >= BURST) this.allowances.delete(userId);
  }
}
