import type { VariantRuns } from "../paths/summarizeVariants.js";
import { giveBuffers, takeBuffer } from "./spareBuffers.js";
import { scatterVariants } from "./variantExchange.js";

const BITS = 11;
const BUCKETS = 1 << BITS;

function uint32s(n: number): Uint32Array {
  return new Uint32Array(takeBuffer(n * 4), 0, n);
}
function int32s(n: number): Int32Array {
  return new Int32Array(takeBuffer(n * 4), 0, n);
}

/**
 * Each customer's path variant as a 64-bit hash of the collapsed node sequence (two independent 32-bit lanes), kept
 * in arrival order and grouped at the end by sorting: appending is a sequential write, where a hash table would pay a
 * cache miss per customer. A variant's nodes are recovered later from its example customer. Its arrays, the sort's
 * and the result's come from this thread's spare buffers (see spareBuffers): at 10⁸ events they
 * are about 200 MB per thread and run, which fresh from the system cost as much as the sort itself in page faults.
 */
export class VariantLog {
  private h1: Uint32Array;
  private h2: Uint32Array;
  private customers: Int32Array;
  length = 0;

  /** `expected`: how many customers will be added (at most one per customer), to allocate once. */
  constructor(expected = 1024) {
    const size = Math.max(16, expected);
    this.h1 = uint32s(size);
    this.h2 = uint32s(size);
    this.customers = int32s(size);
  }

  /** Records that `customer` followed the path with hash (h1, h2). Customers must come in increasing order. */
  add(h1: number, h2: number, customer: number): void {
    if (this.length === this.h1.length) this.grow();
    this.h1[this.length] = h1;
    this.h2[this.length] = h2;
    this.customers[this.length++] = customer;
  }

  private grow(): void {
    const size = this.h1.length * 2;
    const h1 = uint32s(size);
    const h2 = uint32s(size);
    const customers = int32s(size);
    h1.set(this.h1);
    h2.set(this.h2);
    customers.set(this.customers);
    giveBuffers([this.h1.buffer, this.h2.buffer, this.customers.buffer] as ArrayBuffer[]);
    this.h1 = h1;
    this.h2 = h2;
    this.customers = customers;
  }

  /**
   * Ends the log by scattering its entries into a shared exchange (see variantExchange.ts) in 2^`bits` buckets, for
   * the worker threads to summarise together; its arrays are handed back.
   */
  scatter(exchange: SharedArrayBuffer, bits: number): void {
    scatterVariants(this.h1, this.h2, this.customers, this.length, exchange, bits);
    giveBuffers([this.h1.buffer, this.h2.buffer, this.customers.buffer] as ArrayBuffer[]);
    this.h1 = this.h2 = new Uint32Array(0);
    this.customers = new Int32Array(0);
    this.length = 0;
  }

  /**
   * The variants: equal hashes grouped, counted, sorted by hash; the example is the first (lowest) customer. Ends the
   * log: its arrays become the sort's and are handed back.
   */
  runs(): VariantRuns {
    const n = this.length;
    const { h1, h2, customer } = this.sort(n);
    // Grouped in place over the sorted arrays: the write position never passes the read position.
    const count = new Float64Array(takeBuffer(n * 8), 0, n);
    let m = -1;
    for (let i = 0; i < n; i++) {
      const x = h1[i]!;
      const y = h2[i]!;
      if (m >= 0 && h1[m] === x && h2[m] === y) count[m]!++;
      else {
        m++;
        h1[m] = x;
        h2[m] = y;
        count[m] = 1;
        customer[m] = customer[i]!;
      }
    }
    m++;
    // Views of the filled part: copying up to millions of entries per array costs more than the unused tail.
    return {
      h1: h1.subarray(0, m),
      h2: h2.subarray(0, m),
      count: count.subarray(0, m),
      customer: customer.subarray(0, m),
    };
  }

  /**
   * The entries sorted by (h1, h2) as unsigned 32-bit numbers, stably: an LSD radix sort of h1 in three passes of 11
   * bits (the counters stay in cache) that carries h2 and the customer along, then the rare runs of equal h1 with
   * differing h2 ordered by an insertion sort. Customers arrive in increasing order, so equal hashes keep that order.
   */
  private sort(n: number): { h1: Uint32Array; h2: Uint32Array; customer: Int32Array } {
    let keys = this.h1;
    let seconds = this.h2;
    let customers = this.customers;
    let nextKeys = uint32s(n);
    let nextSeconds = uint32s(n);
    let nextCustomers = int32s(n);
    const counts = new Int32Array(BUCKETS);
    for (let shift = 0; shift < 32; shift += BITS) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(keys[i]! >>> shift) & (BUCKETS - 1)]!++;
      let sum = 0;
      for (let b = 0; b < BUCKETS; b++) {
        const c = counts[b]!;
        counts[b] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const key = keys[i]!;
        const at = counts[(key >>> shift) & (BUCKETS - 1)]!++;
        nextKeys[at] = key;
        nextSeconds[at] = seconds[i]!;
        nextCustomers[at] = customers[i]!;
      }
      [keys, nextKeys] = [nextKeys, keys];
      [seconds, nextSeconds] = [nextSeconds, seconds];
      [customers, nextCustomers] = [nextCustomers, customers];
    }
    // The other half of the ping-pong (after three passes, the log's own arrays) is free again.
    giveBuffers([nextKeys.buffer, nextSeconds.buffer, nextCustomers.buffer] as ArrayBuffer[]);
    this.h1 = this.h2 = new Uint32Array(0);
    this.customers = new Int32Array(0);
    this.length = 0;
    for (let start = 0; start < n;) {
      let end = start + 1;
      while (end < n && keys[end] === keys[start]) end++;
      for (let i = start + 1; i < end; i++) {
        const second = seconds[i]!;
        if (seconds[i - 1]! <= second) continue;
        const c = customers[i]!;
        let k = i - 1;
        while (k >= start && seconds[k]! > second) {
          seconds[k + 1] = seconds[k]!;
          customers[k + 1] = customers[k]!;
          k--;
        }
        seconds[k + 1] = second;
        customers[k + 1] = c;
      }
      start = end;
    }
    return { h1: keys, h2: seconds, customer: customers };
  }
}
