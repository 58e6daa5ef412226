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
    const order = sortByHash(this.h1, this.h2, n);
    const h1 = new Uint32Array(n);
    const h2 = new Uint32Array(n);
    const count = new Float64Array(n);
    const customer = new Int32Array(n);
    let m = -1;
    for (let i = 0; i < n; i++) {
      const j = order[i]!;
      const x = this.h1[j]!;
      const y = this.h2[j]!;
      if (m >= 0 && h1[m] === x && h2[m] === y) count[m]!++;
      else {
        m++;
        h1[m] = x;
        h2[m] = y;
        count[m] = 1;
        customer[m] = this.customers[j]!;
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

/** Merges the sorted variant runs of several customer ranges (counts add up; the lowest example customer stays). */
export function mergeVariantRuns(parts: VariantRuns[]): VariantRuns {
  if (parts.length === 1) return parts[0]!;
  if (parts.length > 2) {
    const half = Math.ceil(parts.length / 2);
    return mergeVariantRuns([mergeVariantRuns(parts.slice(0, half)), mergeVariantRuns(parts.slice(half))]);
  }
  return mergeTwo(parts[0]!, parts[1]!);
}

/** Merges two sorted variant runs in one linear sweep. */
function mergeTwo(a: VariantRuns, b: VariantRuns): VariantRuns {
  const { h1: a1, h2: a2, count: ac, customer: au } = a;
  const { h1: b1, h2: b2, count: bc, customer: bu } = b;
  const na = a1.length;
  const nb = b1.length;
  const h1 = new Uint32Array(na + nb);
  const h2 = new Uint32Array(na + nb);
  const count = new Float64Array(na + nb);
  const customer = new Int32Array(na + nb);
  let i = 0;
  let j = 0;
  let m = 0;
  while (i < na || j < nb) {
    const takeA = j >= nb || (i < na && (a1[i]! < b1[j]! || (a1[i] === b1[j] && a2[i]! <= b2[j]!)));
    if (takeA && j < nb && a1[i] === b1[j] && a2[i] === b2[j]) {
      h1[m] = a1[i]!;
      h2[m] = a2[i]!;
      count[m] = ac[i]! + bc[j]!;
      customer[m++] = Math.min(au[i]!, bu[j]!);
      i++;
      j++;
    } else if (takeA) {
      h1[m] = a1[i]!;
      h2[m] = a2[i]!;
      count[m] = ac[i]!;
      customer[m++] = au[i++]!;
    } else {
      h1[m] = b1[j]!;
      h2[m] = b2[j]!;
      count[m] = bc[j]!;
      customer[m++] = bu[j++]!;
    }
  }
  return {
    h1: h1.subarray(0, m),
    h2: h2.subarray(0, m),
    count: count.subarray(0, m),
    customer: customer.subarray(0, m),
  };
}
