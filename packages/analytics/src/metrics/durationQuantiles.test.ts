import { describe, expect, it } from "vitest";
import {
  copyWantedValues,
  countDurationBuckets,
  DURATION_BUCKETS,
  durationQuantiles,
  quantilesOfWanted,
  wantedRanges,
} from "./durationQuantiles.js";

function reference(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return { count: n, medianMs: sorted[Math.ceil(n / 2) - 1]!, p90Ms: sorted[Math.ceil((9 * n) / 10) - 1]! };
}

describe("durationQuantiles", () => {
  it("takes the nearest-rank median and 90th percentile", () => {
    expect(durationQuantiles(Float64Array.from([5, 1, 4, 2, 3]))).toEqual({ count: 5, medianMs: 3, p90Ms: 5 });
    expect(durationQuantiles(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toEqual({
      count: 10,
      medianMs: 5,
      p90Ms: 9,
    });
    expect(durationQuantiles(new Float64Array(0))).toEqual({ count: 0, medianMs: null, p90Ms: null });
  });

  it("agrees with sorting on random, duplicated and sorted inputs, and leaves its input alone", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const n of [1, 2, 3, 7, 70, 1000, 4097]) {
      for (const make of [
        () => Math.floor(random() * 1e6),
        () => Math.floor(random() * 3),
        (i: number) => i,
        (i: number) => -i,
      ]) {
        const values = Array.from({ length: n }, (_, i) => make(i));
        const input = Float64Array.from(values);
        expect(durationQuantiles(input)).toEqual(reference(values));
        expect([...input]).toEqual(values);
      }
    }
  });

  it("gives the same answers over many values split into parts, whatever their spread", () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const spreads: Array<[string, () => number]> = [
      ["heavy-tailed milliseconds", () => Math.floor(Math.exp(random() * 20))],
      ["mostly zero", () => (random() < 0.9 ? 0 : Math.floor(random() * 1e4))],
      ["fractions and huge values", () => (random() < 0.5 ? random() : random() * 2 ** 62)],
      ["one value", () => 42],
      ["with negatives", () => Math.floor(random() * 2000) - 1000],
    ];
    for (const [, make] of spreads) {
      const values = Array.from({ length: 20_000 }, make);
      const parts = [
        Float64Array.from(values.slice(0, 7_000)),
        new Float64Array(0),
        Float64Array.from(values.slice(7_000)),
      ];
      expect(durationQuantiles(parts)).toEqual(reference(values));
      expect([...parts[0]!, ...parts[2]!]).toEqual(values);
      // As worker threads hand them over: some parts already counted (a part with negatives is not), some not.
      const counted = parts.map((part, i) => {
        const counts = new Uint32Array(DURATION_BUCKETS);
        return i !== 1 && countDurationBuckets(part, counts) ? counts : undefined;
      });
      expect(durationQuantiles(parts, false, counted)).toEqual(reference(values));
    }
  });

  it("gives the same answers when threads keep their lists and copy out only the values the quantiles need", () => {
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    // Three lists held by each of two threads: heavy-tailed, one with a negative value (not countable), one empty.
    const lists = [
      (): number[] => Array.from({ length: 9_000 }, () => Math.floor(Math.exp(random() * 18))),
      (): number[] => Array.from({ length: 300 }, (_, i) => (i === 7 ? -5 : Math.floor(random() * 100))),
      (): number[] => [],
    ];
    const threads = [0, 1].map(() => lists.map((make) => Float64Array.from(make())));
    const counted = threads.map((held) => {
      const counts = new Uint32Array(held.length * DURATION_BUCKETS);
      const ok = Uint8Array.from(held, (list, i) =>
        countDurationBuckets(list, counts.subarray(i * DURATION_BUCKETS, (i + 1) * DURATION_BUCKETS)) ? 1 : 0,
      );
      return { counts, ok, lengths: Float64Array.from(held, (list) => list.length) };
    });
    const wanted = wantedRanges(
      counted.map((c) => c.lengths),
      counted.map((c) => c.counts),
      counted.map((c) => c.ok),
    );
    lists.forEach((_, i) => {
      const copied = threads.map((held) => copyWantedValues(held[i]!, wanted, i));
      const n = threads[0]![i]!.length + threads[1]![i]!.length;
      const expected =
        n === 0 ? { count: 0, medianMs: null, p90Ms: null } : reference([...threads[0]![i]!, ...threads[1]![i]!]);
      expect(
        quantilesOfWanted(
          n,
          wanted,
          i,
          counted.map((c) => c.counts),
          copied,
        ),
      ).toEqual(expected);
      // Only the values of at most two buckets cross over for a long list.
      if (i === 0) expect(copied.reduce((m, [a, b]) => m + a.length + b.length, 0)).toBeLessThan(n / 10);
    });
  });
});
