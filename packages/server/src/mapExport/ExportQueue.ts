import { DomainError, tryAgainLater } from "../errors/DomainError.js";
import type { Services } from "../services.js";

/** How many Chromium exports may run and wait, in all and per user. */
export interface ExportQueueLimits {
  /** Exports printing at once across the server (each holds a Chromium page of up to a few hundred MB). */
  concurrent: number;
  /** Exports one user may have running or waiting at once (all their sessions and tokens together). */
  perUser: number;
  /** Exports that may wait for a free slot; beyond this the server answers 503. */
  waiting: number;
}

/** What one print export roughly takes, for the Retry-After estimates. */
const SECONDS_PER_EXPORT = 5;

/** Starts a waiting export in the slot handed to it. */
type Waiter = () => void;

/**
 * Admission control for PDF and PNG exports, which are expensive (issue 11 item 8: twelve PNG exports from one
 * read-only token took Chromium from 0.7 to 3.3 GB). A user beyond their own limit is told to retry (429); everyone
 * else waits in a bounded first-come queue for one of the global slots, and a full queue answers 503.
 */
export class ExportQueue {
  private running = 0;
  private readonly waiters: Waiter[] = [];
  private readonly perUser = new Map<string, number>();
  /** Exports started since the server started. */
  started = 0;

  constructor(private readonly limits: ExportQueueLimits) {}

  /** Runs `task` when a slot is free; throws 429 or 503 at once when the user's or the queue's limit is reached. */
  async run<T>(userId: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const mine = this.perUser.get(userId) ?? 0;
    if (mine >= this.limits.perUser) {
      throw tryAgainLater(
        "too_many",
        "too_many_exports",
        `you already have ${mine} PDF or PNG exports running or waiting, the most one person may have at once; try again when they have finished`,
        SECONDS_PER_EXPORT * mine,
      );
    }
    const mustWait = this.running >= this.limits.concurrent;
    if (mustWait && this.waiters.length >= this.limits.waiting) {
      throw tryAgainLater(
        "unavailable",
        "export_queue_full",
        `the server is busy printing ${this.running} exports with ${this.waiters.length} more waiting; try again shortly`,
        (SECONDS_PER_EXPORT * (this.waiters.length + 1)) / this.limits.concurrent,
      );
    }
    this.perUser.set(userId, mine + 1);
    try {
      if (mustWait) await this.waitForSlot(signal);
      else this.running++;
      this.started++;
      try {
        return await task();
      } finally {
        this.release();
      }
    } finally {
      const left = (this.perUser.get(userId) ?? 1) - 1;
      if (left > 0) this.perUser.set(userId, left);
      else this.perUser.delete(userId);
    }
  }

  /** Exports printing now and waiting for a slot. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiters.length };
  }

  private waitForSlot(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      // A client that gave up no longer holds a place in the queue.
      const onAbort = () => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
        reject(
          new DomainError({
            kind: "unavailable",
            code: "export_cancelled",
            message: "the export was cancelled before it started",
          }),
        );
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  // The slot passes straight to the next waiter, so a newcomer can never slip in between and exceed the limit.
  private release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.running--;
  }
}

const queues = new WeakMap<Services, ExportQueue>();

/** The export queue of a server, with the limits of its configuration. */
export function exportQueueOf(services: Services): ExportQueue {
  let queue = queues.get(services);
  if (!queue) {
    const { exportConcurrency, exportsPerUser, exportQueueLength } = services.config;
    queues.set(
      services,
      (queue = new ExportQueue({ concurrent: exportConcurrency, perUser: exportsPerUser, waiting: exportQueueLength })),
    );
  }
  return queue;
}
