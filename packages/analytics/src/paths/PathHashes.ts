import { sortByHash } from "./sortByHash.js";

/** Customers per path variant, sorted by hash: variant v has hash (h1[v], h2[v]), `count[v]` customers, and `customer[v]` (the lowest customer number) as an example. */
export interface VariantRuns {
  h1: Uint32Array;
  h2: Uint32Array;
  count: Float64Array;
  customer: Int32Array;
}

/**
 * Each customer's path variant as a 64-bit hash of the collapsed node sequence (two independent 32-bit lanes), kept in
 * arrival order and grouped at the end by sorting: appending is a sequential write, where a hash table would pay a
 * cache miss per customer. A variant's nodes are recovered later from its example customer.
 */
export class PathHashes {
  private h1: Uint32Array;
  private h2: Uint32Array;
  private customers: Int32Array;
  length = 0;

  /** `expected`: how many customers will be added (at most one per customer), to allocate once. */
  constructor(expected = 1024) {
    const size = Math.max(16, expected);
    this.h1 = new Uint32Array(size);
    this.h2 = new Uint32Array(size);
    this.customers = new Int32Array(size);
  }

  /** Records that `customer` followed the path with hash (h1, h2). Customers must come in increasing order. */
  add(h1: number, h2: number, customer: number): void {
    if (this.length === this.h1.length) {
      const grow = <T extends Uint32Array | Int32Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.h1 = grow(this.h1);
      this.h2 = grow(this.h2);
      this.customers = grow(this.customers);
    }
    this.h1[this.length] = h1;
    this.h2[this.length] = h2;
    this.customers[this.length++] = customer;
  }

  /** The variants: equal hashes grouped, counted, sorted by hash; the example is the first (lowest) customer. */
  runs(): VariantRuns {
    const n = this.length;
    // Grouped in place over the sorted copies: the write position never passes the read position.
    const { h1, h2, customer } = sortByHash(this.h1, this.h2, this.customers, n);
    const count = new Float64Array(n);
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
    // Views of the filled part: copying up to a million entries per array costs more than the unused tail.
    return {
      h1: h1.subarray(0, m),
      h2: h2.subarray(0, m),
      count: count.subarray(0, m),
      customer: customer.subarray(0, m),
    };
  }
}
