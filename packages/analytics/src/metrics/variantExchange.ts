// Path variants of worker ranges, exchanged through shared memory. Each worker scatters its customers' path hashes
// into buckets by the hashes' top bits, in a SharedArrayBuffer the pool lends it; afterwards each worker summarises a
// share of the buckets, reading the entries of every range (paths/summarizeVariantBuckets.ts). A bucket holds few
// enough entries to be grouped in cache, where one sort of all of a range's hashes missed the TLB at every write, and
// the main thread no longer merges every range's variants one by one.
//
// Layout (32-bit words): [entries, bits, offsets of buckets 0…B] and then the entries, three words each
// (h1, h2, customer), bucket by bucket in the order they were added.

/** Words before the first entry, for `bits` bits of buckets. */
function headerWords(bits: number): number {
  return 2 + (1 << bits) + 1;
}

/** Bytes an exchange needs for `entries` entries in 2^`bits` buckets. */
export function exchangeBytes(entries: number, bits: number): number {
  return 4 * (headerWords(bits) + 3 * entries);
}

/**
 * Bits of buckets for `customers` customers in all (one entry per customer at most): about 8,000 entries per bucket,
 * so each bucket's table stays in the core's cache, and at most 2^10 buckets, so scattering writes few pages at once.
 */
export function exchangeBits(customers: number): number {
  return Math.max(0, Math.min(10, Math.ceil(Math.log2(Math.max(1, customers) / 8192))));
}

/** The bucket of hash lane `h1` with 2^`bits` buckets. */
function bucketOf(h1: number, bits: number): number {
  return bits === 0 ? 0 : h1 >>> (32 - bits);
}

/**
 * Writes entries 0…n-1 (hashes h1, h2 and their customers, in increasing customer order) into `exchange`, grouped by
 * bucket, each bucket keeping the entries' order.
 */
export function scatterVariants(
  h1: Uint32Array,
  h2: Uint32Array,
  customers: Int32Array,
  n: number,
  exchange: SharedArrayBuffer,
  bits: number,
): void {
  const B = 1 << bits;
  const header = new Int32Array(exchange, 0, headerWords(bits));
  const words = new Uint32Array(exchange);
  const at = new Int32Array(B + 1);
  for (let i = 0; i < n; i++) at[bucketOf(h1[i]!, bits) + 1]!++;
  for (let b = 0; b < B; b++) at[b + 1]! += at[b]!;
  header[0] = n;
  header[1] = bits;
  header.set(at, 2);
  const base = headerWords(bits);
  for (let i = 0; i < n; i++) {
    const x = h1[i]!;
    const w = base + 3 * at[bucketOf(x, bits)]!++;
    words[w] = x;
    words[w + 1] = h2[i]!;
    words[w + 2] = customers[i]!;
  }
}

/** A read view of an exchange: its bucket bits, and bucket b's entries from offsets[b] to offsets[b+1]-1. */
export interface ExchangeView {
  bits: number;
  offsets: Int32Array;
  /** Entry e's h1, h2 and customer at words[3e], words[3e+1], words[3e+2]. */
  words: Uint32Array;
}

/** Reads an exchange that scatterVariants filled. */
export function viewExchange(exchange: SharedArrayBuffer): ExchangeView {
  const head = new Int32Array(exchange, 0, 2);
  const n = head[0]!;
  const bits = head[1]!;
  const base = headerWords(bits);
  return {
    bits,
    offsets: new Int32Array(exchange, 8, (1 << bits) + 1),
    words: new Uint32Array(exchange, 4 * base, 3 * n),
  };
}

/**
 * Splits the buckets of the exchanges into `parts` contiguous ranges of about equal entries: part p summarises
 * buckets bounds[p] … bounds[p+1]-1.
 */
export function splitBuckets(views: readonly ExchangeView[], parts: number): number[] {
  const B = 1 << views[0]!.bits;
  const total = views.reduce((n, v) => n + v.offsets[B]!, 0);
  const bounds = [0];
  let sum = 0;
  for (let b = 0; b < B && bounds.length < parts; b++) {
    for (const v of views) sum += v.offsets[b + 1]! - v.offsets[b]!;
    if (sum >= (total * bounds.length) / parts) bounds.push(b + 1);
  }
  while (bounds.length < parts) bounds.push(B);
  bounds.push(B);
  return bounds;
}
