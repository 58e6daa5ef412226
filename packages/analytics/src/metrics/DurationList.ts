import { giveBuffers, takeBuffer } from "./spareBuffers.js";

/** Room for `n` durations, in a spare buffer when one fits (see spareBuffers). */
function durations(n: number): Float64Array {
  return new Float64Array(takeBuffer(n * 8), 0, n);
}

/** A growable list of durations (ms). */
export class DurationList {
  values: Float64Array;
  length = 0;

  /** `capacity`: room to start with, so a list that will hold many durations is not copied at every doubling. */
  constructor(capacity = 16) {
    this.values = durations(Math.max(16, capacity));
  }

  /**
   * Doubles the room. The kernel appends inline (`if full grow(); values[length++] = v`): a call taking the duration
   * would box it on the heap whenever the call is not inlined.
   */
  grow(): void {
    const grown = durations(this.values.length * 2);
    grown.set(this.values);
    giveBuffers([this.values.buffer as ArrayBuffer]);
    this.values = grown;
  }

  /** The filled part. */
  view(): Float64Array {
    return this.values.subarray(0, this.length);
  }
}

/**
 * Per duration list (steps, then stages), how many durations the last kernel run of this thread added per customer:
 * the next run's lists start that large. Stage lists hold one duration per converting customer (about 16 MB per
 * worker at 10⁷ events), and growing them from 16 entries copied each about twice, a tenth of a worker's time.
 */
let lastPerCustomer = new Float64Array(0);

/** Empty lists for `count` durations lists over `customers` customers, sized by the last run's lengths. */
export function createDurationLists(count: number, customers: number): DurationList[] {
  const hinted = lastPerCustomer.length === count;
  return Array.from({ length: count }, (_, i) => {
    // A list holds at most one duration per customer; a little headroom avoids one doubling for a slightly longer run.
    const expected = hinted ? Math.ceil(lastPerCustomer[i]! * customers * 1.05) : 0;
    return new DurationList(Math.min(customers, expected));
  });
}

/** Remembers how long the lists of a finished run grew, for the next run's sizes. */
export function rememberDurationLengths(lists: readonly DurationList[], customers: number): void {
  if (customers <= 0) return;
  lastPerCustomer = Float64Array.from(lists, (list) => list.length / customers);
}
