const BITS = 11;
const BUCKETS = 1 << BITS;

/** Path hashes with their customers, in one order. */
export interface HashedCustomers {
  h1: Uint32Array;
  h2: Uint32Array;
  customer: Int32Array;
}

/**
 * The first `n` entries sorted by (h1, h2) as unsigned 32-bit numbers, stably: an LSD radix sort of h1 in three passes
 * of 11 bits (the counters stay in cache) that carries h2 and the customer along, then the rare runs of equal h1 with
 * differing h2 ordered by an insertion sort. Linear in the number of entries, and every pass reads and writes
 * sequentially: gathering h2 and the customer through a permutation afterwards cost a cache miss per entry, which at
 * a million customers took longer than the sort. Customers arrive in increasing order, so equal hashes keep that order.
 */
export function sortByHash(h1: Uint32Array, h2: Uint32Array, customer: Int32Array, n: number): HashedCustomers {
  let keys = h1.slice(0, n);
  let seconds = h2.slice(0, n);
  let customers = customer.slice(0, n);
  let nextKeys = new Uint32Array(n);
  let nextSeconds = new Uint32Array(n);
  let nextCustomers = new Int32Array(n);
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
