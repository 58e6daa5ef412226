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

/** A list's count, median and 90th percentile (nearest rank; null when empty). */
export type Quantiles = { count: number; medianMs: number | null; p90Ms: number | null };

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

/** The high-word ranges of the buckets holding ranks `lower` ≤ `upper` (the second empty when it is the same bucket). */
function wantedBuckets(counts: Uint32Array, lower: number, upper: number) {
  const a = bucketOfRank(counts, lower);
  const b = bucketOfRank(counts, upper);
  const same = b.bucket === a.bucket;
  return { a, b, same, rangeA: highRange(a.bucket), rangeB: same ? { lo: 0, width: 0 } : highRange(b.bucket) };
}

/**
 * Copies the values of `part` whose high words lie in [loA, loA + widthA) to `va` from `fa`, and those in range B to
 * `vb` from `fb`; returns the new fill levels. Compares each high word with the two ranges, rarely true, rather than
 * looking its bucket up.
 */
function copyWanted(
  part: Float64Array,
  loA: number,
  widthA: number,
  loB: number,
  widthB: number,
  va: Float64Array,
  fa: number,
  vb: Float64Array,
  fb: number,
): [number, number] {
  const words = highWords(part);
  for (let i = 0; i < part.length; i++) {
    const high = words[2 * i + 1]!;
    if ((high - loA) >>> 0 < widthA) va[fa++] = part[i]!;
    else if ((high - loB) >>> 0 < widthB) vb[fb++] = part[i]!;
  }
  return [fa, fb];
}

/** Selects ranks `lower` and `upper` among the copied values of their buckets (`vb` empty: both in `va`). */
function selectWanted(
  va: Float64Array,
  vb: Float64Array,
  same: boolean,
  lower: number,
  upper: number,
): [number, number] {
  const upperValues = same ? va : vb;
  selectKth(va, lower, 0, va.length - 1);
  const lowerValue = va[lower]!;
  selectKth(upperValues, upper, 0, upperValues.length - 1);
  return [lowerValue, upperValues[upper]!];
}

/**
 * The exact median and 90th percentile (ranks `lower` ≤ `upper`) of many values in several parts, by bucketing on the
 * doubles' exponent and top mantissa bits: only the values of the (at most two) buckets holding the answers are copied
 * out and selected in.
 */
function bucketedQuantiles(
  parts: readonly Float64Array[],
  partCounts: ReadonlyArray<Uint32Array | undefined> | undefined,
  lower: number,
  upper: number,
): [number, number] | undefined {
  const counts = totalCounts(parts, partCounts);
  if (!counts) return undefined;
  const { a, b, same, rangeA, rangeB } = wantedBuckets(counts, lower, upper);
  const va = new Float64Array(counts[a.bucket]!);
  const vb = new Float64Array(same ? 0 : counts[b.bucket]!);
  let fill: [number, number] = [0, 0];
  for (const part of parts)
    fill = copyWanted(part, rangeA.lo, rangeA.width, rangeB.lo, rangeB.width, va, fill[0], vb, fill[1]);
  return selectWanted(va, vb, same, lower - a.below, upper - b.below);
}

/** Per list, what the quantiles need from each thread's part: the two ranges of high words, or (lo -1) every value. */
export const WANTED_WORDS = 4;

/**
 * Which values the quantiles of lists split over threads need, from the threads' bucket counts (DURATION_BUCKETS per
 * list, `counted[list]` 0 where a thread could not count): per list WANTED_WORDS numbers (loA, widthA, loB, widthB),
 * loA -1 for a list whose every value is needed (some thread could not count it, or it is empty).
 */
export function wantedRanges(
  lengths: readonly Float64Array[],
  counts: readonly Uint32Array[],
  counted: readonly Uint8Array[],
): Float64Array {
  const lists = lengths[0]!.length;
  const out = new Float64Array(lists * WANTED_WORDS);
  const total = new Uint32Array(BUCKETS);
  for (let list = 0; list < lists; list++) {
    const n = lengths.reduce((sum, l) => sum + l[list]!, 0);
    out[list * WANTED_WORDS] = -1;
    if (n === 0 || !LITTLE_ENDIAN || counted.some((c) => c[list] !== 1)) continue;
    total.fill(0);
    for (const c of counts) {
      const mine = c.subarray(list * BUCKETS, (list + 1) * BUCKETS);
      for (let b = 0; b < BUCKETS; b++) total[b]! += mine[b]!;
    }
    const { upper, median } = nearestRanks(n);
    const { rangeA, rangeB } = wantedBuckets(total, median, upper);
    out.set([rangeA.lo, rangeA.width, rangeB.lo, rangeB.width], list * WANTED_WORDS);
  }
  return out;
}

/** A thread's values of one list that wantedRanges asks for: those of each range, or all of them. */
export function copyWantedValues(part: Float64Array, wanted: Float64Array, list: number): [Float64Array, Float64Array] {
  const at = list * WANTED_WORDS;
  if (wanted[at] === -1) return [part.slice(), new Float64Array(0)];
  const [loA, widthA, loB, widthB] = [wanted[at]!, wanted[at + 1]!, wanted[at + 2]!, wanted[at + 3]!];
  let na = 0;
  let nb = 0;
  const words = highWords(part);
  for (let i = 0; i < part.length; i++) {
    const high = words[2 * i + 1]!;
    if ((high - loA) >>> 0 < widthA) na++;
    else if ((high - loB) >>> 0 < widthB) nb++;
  }
  const va = new Float64Array(na);
  const vb = new Float64Array(nb);
  copyWanted(part, loA, widthA, loB, widthB, va, 0, vb, 0);
  return [va, vb];
}

/**
 * The quantiles of a list of `n` values split over threads, from the values each thread copied (copyWantedValues) and
 * the same bucket counts wantedRanges read.
 */
export function quantilesOfWanted(
  n: number,
  wanted: Float64Array,
  list: number,
  counts: readonly Uint32Array[],
  copied: ReadonlyArray<[Float64Array, Float64Array]>,
): Quantiles {
  if (n === 0) return { count: 0, medianMs: null, p90Ms: null };
  if (wanted[list * WANTED_WORDS] === -1) return durationQuantiles(copied.map((c) => c[0]));
  const total = new Uint32Array(BUCKETS);
  for (const c of counts) {
    const mine = c.subarray(list * BUCKETS, (list + 1) * BUCKETS);
    for (let b = 0; b < BUCKETS; b++) total[b]! += mine[b]!;
  }
  const { upper, median } = nearestRanks(n);
  const { a, b, same } = wantedBuckets(total, median, upper);
  const va = concat(copied.map((c) => c[0]));
  const vb = concat(copied.map((c) => c[1]));
  const [medianMs, p90Ms] = selectWanted(va, vb, same, median - a.below, upper - b.below);
  return { count: n, medianMs, p90Ms };
}

/** The nearest ranks (0-based) of the median and the 90th percentile of n values. */
function nearestRanks(n: number): { median: number; upper: number } {
  return { median: Math.floor((n + 1) / 2) - 1, upper: Math.floor((9 * n + 9) / 10) - 1 };
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
  const { median, upper: p90 } = nearestRanks(n);
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
