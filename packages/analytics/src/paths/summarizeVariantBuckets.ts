import type { ExchangeView } from "../metrics/variantExchange.js";
import { offerTop, type VariantSummary } from "./summarizeVariants.js";

// One table per thread, reused by every bucket and run. A slot is four words side by side (h1, h2, customers, the
// lowest customer), so a probe touches one cache line; a slot with no customers is free, and the slots a bucket used
// are freed again after it.
let slots = new Uint32Array(0);
let used = new Int32Array(0);

/** Makes the table at least 2^bits slots. */
function reserve(bits: number): void {
  if (slots.length >= 4 << bits) return;
  slots = new Uint32Array(4 << bits);
  used = new Int32Array(1 << bits);
}

/**
 * Summarises buckets `from`…`to-1` of every range's exchange (see variantExchange.ts) exactly as summarizeVariants
 * summarises sorted runs: equal hashes are one variant, counted over all ranges, whose example is its lowest customer.
 * Each bucket is grouped in an open-addressing table at most four times its entries, which stays in cache.
 */
export function summarizeVariantBuckets(
  views: readonly ExchangeView[],
  from: number,
  to: number,
  n: number,
): VariantSummary {
  const top: VariantSummary["top"] = [];
  let distinct = 0;
  let withPath = 0;
  let least = n > 0 ? 0 : Infinity;
  for (let b = from; b < to; b++) {
    let entries = 0;
    for (const v of views) entries += v.offsets[b + 1]! - v.offsets[b]!;
    if (entries === 0) continue;
    const bits = Math.max(4, 32 - Math.clz32(entries * 2 - 1));
    reserve(bits);
    const mask = (1 << bits) - 1;
    let usedCount = 0;
    for (const v of views) {
      const words = v.words;
      for (let e = v.offsets[b]!, end = v.offsets[b + 1]!; e < end; e++) {
        const x = words[3 * e]!;
        const y = words[3 * e + 1]!;
        const c = words[3 * e + 2]!;
        // The bucket's entries share their top bits of h1: the slot comes from a mix of both lanes.
        let slot = (Math.imul(x ^ Math.imul(y, 0x85ebca6b), 0x9e3779b1) >>> 0) & mask;
        for (;;) {
          const at = slot << 2;
          if (slots[at + 2] === 0) {
            slots[at] = x;
            slots[at + 1] = y;
            slots[at + 2] = 1;
            slots[at + 3] = c;
            used[usedCount++] = at;
            break;
          }
          if (slots[at] === x && slots[at + 1] === y) {
            slots[at + 2]!++;
            if (c < slots[at + 3]!) slots[at + 3] = c;
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
    }
    distinct += usedCount;
    for (let u = 0; u < usedCount; u++) {
      const at = used[u]!;
      const count = slots[at + 2]!;
      slots[at + 2] = 0;
      withPath += count;
      if (count >= least) {
        offerTop(top, n, count, slots[at + 3]!);
        if (top.length === n) least = top[n - 1]!.count;
      }
    }
  }
  return { distinct, withPath, top };
}

/** Combines summaries of disjoint sets of variants (such as different buckets) into one, keeping the `n` best. */
export function mergeVariantSummaries(parts: readonly VariantSummary[], n: number): VariantSummary {
  const top: VariantSummary["top"] = [];
  for (const part of parts) for (const v of part.top) offerTop(top, n, v.count, v.customer);
  return {
    distinct: parts.reduce((sum, p) => sum + p.distinct, 0),
    withPath: parts.reduce((sum, p) => sum + p.withPath, 0),
    top,
  };
}
