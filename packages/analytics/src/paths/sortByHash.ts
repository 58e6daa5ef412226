const BITS = 11;
const BUCKETS = 1 << BITS;

/**
 * The order that sorts entries by (h1, h2) as unsigned 32-bit numbers, stably: an LSD radix sort of h1 in three
 * passes of 11 bits (the counters stay in cache), then the rare runs of equal h1 ordered by h2 with an insertion sort.
 * Linear in the number of entries; customers arrive in increasing order, so equal hashes keep that order.
 */
export function sortByHash(h1: Uint32Array, h2: Uint32Array, n: number): Int32Array {
  // Keys travel with the indices so every pass reads sequentially.
  let order = new Int32Array(n);
  let keys = h1.slice(0, n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  let nextKeys = new Uint32Array(n);
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
      next[at] = order[i]!;
      nextKeys[at] = key;
    }
    [order, next] = [next, order];
    [keys, nextKeys] = [nextKeys, keys];
  }
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && keys[end] === keys[start]) end++;
    if (end - start === 1) {
      start = end;
      continue;
    }
    for (let i = start + 1; i < end; i++) {
      const j = order[i]!;
      let k = i - 1;
      while (k >= start && h2[order[k]!]! > h2[j]!) {
        order[k + 1] = order[k]!;
        k--;
      }
      order[k + 1] = j;
    }
    start = end;
  }
  return order;
}
