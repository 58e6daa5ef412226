import type { KernelScratch } from "./KernelScratch.js";

// Conformance skips: the levels a customer jumped over are marked in a per-customer bitset (one 32-bit word per 32
// levels, reset by stamping) as they happen, and counted once when the customer ends, so a level skipped twice by one
// customer counts once.

/** Marks levels `from`…`to-1` as skipped by customer `c`. */
export function markSkippedLevels(scratch: KernelScratch, c: number, from: number, to: number): void {
  const { skipStamp, skipBits } = scratch;
  for (let x = from; x < to;) {
    const word = x >>> 5;
    if (skipStamp[word] !== c) {
      skipStamp[word] = c;
      skipBits[word] = 0;
    }
    const upTo = Math.min(to, (word + 1) << 5);
    const width = upTo - x;
    skipBits[word] = skipBits[word]! | ((width === 32 ? -1 : (1 << width) - 1) << (x & 31));
    x = upTo;
  }
}

/** Adds customer `c`'s marked levels to the per-level skip counts. */
export function countSkippedLevels(scratch: KernelScratch, c: number): void {
  const { skipWords, skipStamp, skipBits, levelSkipped } = scratch;
  for (let word = 0; word < skipWords; word++) {
    if (skipStamp[word] !== c) continue;
    let bits = skipBits[word]!;
    while (bits !== 0) {
      const bit = 31 - Math.clz32(bits & -bits);
      bits &= bits - 1;
      levelSkipped[(word << 5) + bit]!++;
    }
  }
}
