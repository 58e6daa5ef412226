import { describe, expect, it } from "vitest";
import { VariantLog } from "../metrics/VariantLog.js";
import { summarizeVariants } from "./summarizeVariants.js";

describe("path variant summary", () => {
  it("groups equal hashes, keeps the lowest customer as the example, and summarises ranges together", () => {
    const a = new VariantLog();
    for (const [x, y, c] of [
      [9, 9, 0],
      [1, 2, 1],
      [9, 9, 2],
      [1, 3, 3],
    ] as const)
      a.add(x, y, c);
    const b = new VariantLog();
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
      const hashes = new VariantLog();
      for (let c = r * 5000; c < r * 5000 + 5000; c++) {
        const v = random() % 700;
        hashes.add(v % 40, v % 3, c);
      }
      return hashes.runs();
    });
    const empty = new VariantLog().runs();
    for (const n of [0, 1, 10, 50])
      expect(summarizeVariants(ranges, n)).toEqual(summarizeVariants([...ranges, empty], n));
  });
});
