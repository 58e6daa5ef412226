import { describe, expect, it } from "vitest";
import { PathHashes } from "./PathHashes.js";
import { sortByHash } from "./sortByHash.js";
import { summarizeVariants } from "./summarizeVariants.js";

describe("path variant hashing", () => {
  it("sorts by (h1, h2) as unsigned numbers, stably, carrying each entry's customer", () => {
    const h1 = Uint32Array.from([5, 0xffffffff, 5, 0, 5]);
    const h2 = Uint32Array.from([2, 0, 1, 7, 1]);
    const sorted = sortByHash(h1, h2, Int32Array.from([10, 11, 12, 13, 14]), 5);
    expect([[...sorted.h1], [...sorted.h2], [...sorted.customer]]).toEqual([
      [0, 5, 5, 5, 0xffffffff],
      [7, 1, 1, 2, 0],
      [13, 12, 14, 10, 11],
    ]);
  });

  it("matches a comparison sort on many random hashes with frequent equal h1", () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const n = 20_000;
    const h1 = Uint32Array.from({ length: n }, () => random() % 3000);
    const h2 = Uint32Array.from({ length: n }, () => random() % 5);
    const customer = Int32Array.from({ length: n }, (_, i) => i);
    const sorted = sortByHash(h1, h2, customer, n);
    const expected = [...customer].sort((a, b) => h1[a]! - h1[b]! || h2[a]! - h2[b]! || a - b);
    expect([...sorted.customer]).toEqual(expected);
  });

  it("matches a comparison sort on full-width hashes, some repeated", () => {
    let seed = 11;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const n = 50_000;
    const pool = Uint32Array.from({ length: n / 4 }, () => Math.imul(random(), 2654435761) >>> 0);
    const h1 = Uint32Array.from({ length: n }, () => pool[random() % pool.length]!);
    const h2 = Uint32Array.from(h1, (x) => (x ^ random()) % 3);
    const customer = Int32Array.from({ length: n }, (_, i) => i);
    const sorted = sortByHash(h1, h2, customer, n);
    const expected = [...customer].sort((a, b) => h1[a]! - h1[b]! || h2[a]! - h2[b]! || a - b);
    expect([...sorted.customer]).toEqual(expected);
    expect([...sorted.h1]).toEqual(expected.map((c) => h1[c]!));
  });

  it("groups equal hashes, keeps the lowest customer as the example, and summarises ranges together", () => {
    const a = new PathHashes();
    for (const [x, y, c] of [
      [9, 9, 0],
      [1, 2, 1],
      [9, 9, 2],
      [1, 3, 3],
    ] as const)
      a.add(x, y, c);
    const b = new PathHashes();
    for (const [x, y, c] of [
      [1, 3, 10],
      [7, 7, 11],
      [9, 9, 12],
    ] as const)
      b.add(x, y, c);
    const runs = a.runs();
    expect([[...runs.h1], [...runs.h2], [...runs.count], [...runs.customer]]).toEqual([
      [1, 1, 9],
      [2, 3, 9],
      [1, 1, 2],
      [1, 3, 0],
    ]);
    // Variants (1,2)×1, (1,3)×2, (7,7)×1, (9,9)×3: the top two, then a tie at one customer broken by the lower example.
    expect(summarizeVariants([runs, b.runs()], 3)).toEqual({
      distinct: 4,
      withPath: 7,
      top: [
        { count: 3, customer: 0 },
        { count: 2, customer: 3 },
        { count: 1, customer: 1 },
      ],
    });
    expect(summarizeVariants([runs], 0)).toEqual({ distinct: 3, withPath: 4, top: [] });
  });

  it("summarises two ranges by the two-way merge exactly as the general merge does", () => {
    let seed = 5;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const ranges = [0, 1].map((r) => {
      const hashes = new PathHashes();
      for (let c = r * 5000; c < r * 5000 + 5000; c++) {
        const v = random() % 700;
        hashes.add(v % 40, v % 3, c);
      }
      return hashes.runs();
    });
    const empty = new PathHashes().runs();
    for (const n of [0, 1, 10, 50])
      expect(summarizeVariants(ranges, n)).toEqual(summarizeVariants([...ranges, empty], n));
  });
});
