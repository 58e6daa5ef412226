import { endianness } from "node:os";
import { selectKth } from "./selectKth.js";

/** Below this many values, selecting on one copy is as fast as bucketing. */
const SMALL = 4096;
/** Buckets per power of two: the top 8 mantissa bits (a bucket spans 0.4 % of its values' size). */
const MANTISSA_BITS = 8;
/** Bucket of 1.0 and up; 0 and anything below 1 ms share bucket 0. */
const BASE = (1022 << MANTISSA_BITS) >>> 0;
/** Covers values up to 2^60 ms; larger ones share the last bucket. */
const BUCKETS = 62 << MANTISSA_BITS;
const LITTLE_ENDIAN = endianness() === "LE";

type Quantiles = { count: number; medianMs: number | null; p90Ms: number | null };

/** The high 32-bit words of a part's doubles: for values ≥ 0 they grow with the value, so they order it. */
function highWords(part: Float64Array): Uint32Array {
  return new Uint32Array(part.buffer, part.byteOffset, part.length * 2);
}

function bucketOf(high: number): number {
  const b = (high >>> (20 - MANTISSA_BITS)) - BASE;
  return b < 0 ? 0 : b >= BUCKETS ? BUCKETS - 1 : b;
}

/** Exact quantiles of many values in several parts by bucketing on the doubles' exponent and top mantissa bits. */
function bucketedQuantiles(parts: readonly Float64Array[], ranks: readonly number[]): number[] | undefined {
  const counts = new Uint32Array(BUCKETS);
  for (const part of parts) {
    const words = highWords(part);
    for (let i = 1; i < words.length; i += 2) {
      const high = words[i]!;
      // Negative values and NaN would break the order of high words: take the plain path for them.
      if (high >= 0x7ff00000) return undefined;
      counts[bucketOf(high)]!++;
    }
  }
  // The bucket each rank falls in, and how many values lie in lower buckets.
  const found = ranks.map((rank) => {
    let below = 0;
    let b = 0;
    while (below + counts[b]! <= rank) below += counts[b++]!;
    return { rank, bucket: b, below };
  });
  // The values of those buckets only, one small array per bucket.
  const slotOf = new Int8Array(BUCKETS).fill(-1);
  const slots: Float64Array[] = [];
  const filled: number[] = [];
  for (const f of found) {
    if (slotOf[f.bucket] !== -1) continue;
    slotOf[f.bucket] = slots.length;
    slots.push(new Float64Array(counts[f.bucket]!));
    filled.push(0);
  }
  for (const part of parts) {
    const words = highWords(part);
    for (let i = 0; i < part.length; i++) {
      const slot = slotOf[bucketOf(words[2 * i + 1]!)]!;
      if (slot !== -1) slots[slot]![filled[slot]!++] = part[i]!;
    }
  }
  return found.map(({ rank, bucket, below }) => {
    const values = slots[slotOf[bucket]!]!;
    selectKth(values, rank - below, 0, values.length - 1);
    return values[rank - below]!;
  });
}

/**
 * Median and 90th percentile by the nearest-rank method: the ⌈n/2⌉-th and ⌈9n/10⌉-th smallest values (so both are
 * values that occurred), over values given in one or several parts. Linear time; many values are first bucketed by
 * magnitude so only the two buckets holding the answers are selected in, and the parts are never copied together.
 * A single small array is reordered in place only when `reorder` allows it.
 */
export function durationQuantiles(values: Float64Array | readonly Float64Array[], reorder = false): Quantiles {
  const parts = values instanceof Float64Array ? [values] : values;
  const n = parts.reduce((sum, p) => sum + p.length, 0);
  if (n === 0) return { count: 0, medianMs: null, p90Ms: null };
  const p90 = Math.floor((9 * n + 9) / 10) - 1;
  const median = Math.floor((n + 1) / 2) - 1;
  if (n >= SMALL && LITTLE_ENDIAN) {
    const answers = bucketedQuantiles(parts, [median, p90]);
    if (answers) return { count: n, medianMs: answers[0]!, p90Ms: answers[1]! };
  }
  const a = parts.length === 1 && reorder ? parts[0]! : concat(parts);
  selectKth(a, p90, 0, n - 1);
  const p90Value = a[p90]!;
  selectKth(a, median, 0, p90);
  return { count: n, medianMs: a[median]!, p90Ms: p90Value };
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
