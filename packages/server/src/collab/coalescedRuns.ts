/**
 * Runs work for a key at most once at a time, with at most one run queued behind it (issue 19). A call while a run is
 * in progress queues one more run, which starts when the current one ends; further calls meanwhile share that queued
 * run, since it starts after them and so sees everything they would. Each caller's promise settles with a run that
 * started after its call.
 *
 * Hocuspocus's store debouncer calls `onStoreDocument` again for every update that arrives once the longest debounce
 * has passed, until the running store ends: with 100 editors a slow store (a busy disk) queued hundreds more, each
 * building the map's read snapshot and writing it, which made the next store slower still.
 */
export class CoalescedRuns<K> {
  private readonly running = new Map<K, Promise<void>>();
  private readonly queued = new Map<K, Promise<void>>();

  /** Runs `work` for `key` now, or once after the run in progress, shared with every call made meanwhile. */
  run(key: K, work: () => Promise<void>): Promise<void> {
    const queued = this.queued.get(key);
    if (queued) return queued;
    const current = this.running.get(key);
    if (!current) return this.start(key, work);
    const next = current.then(() => {
      this.queued.delete(key);
      return this.start(key, work);
    });
    this.queued.set(key, next);
    return next;
  }

  private start(key: K, work: () => Promise<void>): Promise<void> {
    const run = Promise.resolve().then(work);
    // Settles when the run ends, failed or not: a failed run does not hold up the one queued behind it (its own
    // callers still see the failure).
    const ended: Promise<void> = run.then(
      () => this.end(key, ended),
      () => this.end(key, ended),
    );
    this.running.set(key, ended);
    return run;
  }

  private end(key: K, run: Promise<void>): void {
    if (this.running.get(key) === run) this.running.delete(key);
  }
}
