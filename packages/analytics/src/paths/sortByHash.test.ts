import { describe, expect, it } from "vitest";
import { mergeVariantRuns, PathHashes } from "./PathHashes.js";
import { sortByHash } from "./sortByHash.js";

describe("path variant hashing", () => {
  it("sorts by (h1, h2) as unsigned numbers, stably", () => {
    const h1 = Uint32Array.from([5, 0xffffffff, 5, 0, 5]);
    const h2 = Uint32Array.from([2, 0, 1, 7, 1]);
    expect([...sortByHash(h1, h2, 5)]).toEqual([3, 2, 4, 0, 1]);
  });

  it("groups equal hashes, keeps the lowest customer as the example, and merges ranges", () => {
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
    const merged = mergeVariantRuns([runs, b.runs()]);
    expect([[...merged.h1], [...merged.h2], [...merged.count], [...merged.customer]]).toEqual([
      [1, 1, 7, 9],
      [2, 3, 7, 9],
      [1, 2, 1, 3],
      [1, 3, 11, 0],
    ]);
  });
});
