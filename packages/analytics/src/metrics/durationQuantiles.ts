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

/** Buckets of one part's counts (see countDurationBuckets). */
export const DURATION_BUCKETS = BUCKETS;

/**
 * Adds each value of `part` to its bucket in `counts` (DURATION_BUCKETS entries); false, with `counts` partly filled,
 * when a value is negative or NaN (they would break the order of high words: such values take the plain path).
 * Worker threads count their own parts, so the main thread does not read every duration twice.
 */
export function countDurationBuckets(part: Float64Array, counts: Uint32Array): boolean {
  const words = highWords(part);
  for (let i = 1; i < words.length; i += 2) {
    const high = words[i]!;
    if (high >= 0x7ff00000) return false;
    counts[bucketOf(high)]!++;
  }
  return true;
}

/** Per-bucket counts of all parts' values, from the parts' own counts where given; undefined when a value is negative or NaN. */
function totalCounts(
  parts: readonly Float64Array[],
  partCounts: ReadonlyArray<Uint32Array | undefined> | undefined,
): Uint32Array | undefined {
  const counts = new Uint32Array(BUCKETS);
  for (let p = 0; p < parts.length; p++) {
    const given = partCounts?.[p];
    if (given === undefined) {
      if (!countDurationBuckets(parts[p]!, counts)) return undefined;
    } else for (let b = 0; b < BUCKETS; b++) counts[b]! += given[b]!;
  }
  return counts;
}

/** The high words of bucket `b`'s values: from `lo`, `width` of them (the end buckets also take what is clamped in). */
function highRange(b: number): { lo: number; width: number } {
  const lo = b === 0 ? 0 : (b + BASE) << (20 - MANTISSA_BITS);
  const hi = b === BUCKETS - 1 ? 0x7ff00000 : (b + BASE + 1) << (20 - MANTISSA_BITS);
  return { lo, width: hi - lo };
}

/** The rank's bucket and how many values lie in lower buckets. */
function bucketOfRank(counts: Uint32Array, rank: number): { bucket: number; below: number } {
  let below = 0;
  let b = 0;
  while (below + counts[b]! <= rank) below += counts[b++]!;
  return { bucket: b, below };
}

/**
 * The exact median and 90th percentile (ranks `lower` ≤ `upper`) of many values in several parts, by bucketing on the
 * doubles' exponent and top mantissa bits: only the values of the (at most two) buckets holding the answers are copied
 * out and selected in. The copying pass compares each high word with the two buckets' ranges, rarely true, rather than
 * looking its bucket up.
 */
function bucketedQuantiles(
  parts: readonly Float64Array[],
  partCounts: ReadonlyArray<Uint32Array | undefined> | undefined,
  lower: number,
  upper: number,
): [number, number] | undefined {
  const counts = totalCounts(parts, partCounts);
  if (!counts) return undefined;
  const a = bucketOfRank(counts, lower);
  const b = bucketOfRank(counts, upper);
  const { lo: loA, width: widthA } = highRange(a.bucket);
  // The same bucket twice: the second range is empty and everything lands in the first.
  const { lo: loB, width: widthB } = b.bucket === a.bucket ? { lo: 0, width: 0 } : highRange(b.bucket);
  const va = new Float64Array(counts[a.bucket]!);
  const vb = new Float64Array(b.bucket === a.bucket ? 0 : counts[b.bucket]!);
  let fa = 0;
  let fb = 0;
  for (const part of parts) {
    const words = highWords(part);
    for (let i = 0; i < part.length; i++) {
      const high = words[2 * i + 1]!;
      if ((high - loA) >>> 0 < widthA) va[fa++] = part[i]!;
      else if ((high - loB) >>> 0 < widthB) vb[fb++] = part[i]!;
    }
  }
  const upperValues = b.bucket === a.bucket ? va : vb;
  selectKth(va, lower - a.below, 0, va.length - 1);
  const lowerValue = va[lower - a.below]!;
  selectKth(upperValues, upper - b.below, 0, upperValues.length - 1);
  return [lowerValue, upperValues[upper - b.below]!];
}

/**
 * Median and 90th percentile by the nearest-rank method: the ⌈n/2⌉-th and ⌈9n/10⌉-th smallest values (so both are
 * values that occurred), over values given in one or several parts. Linear time; many values are first bucketed by
 * magnitude so only the two buckets holding the answers are selected in, and the parts are never copied together.
 * A single small array is reordered in place only when `reorder` allows it. `partCounts`: per part, its bucket counts
 * when already counted (countDurationBuckets), undefined for a part to count here.
 */
export function durationQuantiles(
  values: Float64Array | readonly Float64Array[],
  reorder = false,
  partCounts?: ReadonlyArray<Uint32Array | undefined>,
): Quantiles {
  const parts = values instanceof Float64Array ? [values] : values;
  const n = parts.reduce((sum, p) => sum + p.length, 0);
  if (n === 0) return { count: 0, medianMs: null, p90Ms: null };
  const p90 = Math.floor((9 * n + 9) / 10) - 1;
  const median = Math.floor((n + 1) / 2) - 1;
  if (n >= SMALL && LITTLE_ENDIAN) {
    const answers = bucketedQuantiles(parts, partCounts, median, p90);
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
