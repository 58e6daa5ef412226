import { describe, expect, it } from "vitest";
import { VariantLog } from "../metrics/VariantLog.js";
import { exchangeBytes, splitBuckets, viewExchange } from "../metrics/variantExchange.js";
import { mergeVariantSummaries, summarizeVariantBuckets } from "./summarizeVariantBuckets.js";
import { summarizeVariants } from "./summarizeVariants.js";

/** Two customer ranges' path hashes: many customers share a few paths, the rest have paths of their own. */
function ranges(perRange: number): Array<Array<[number, number, number]>> {
  let seed = 11;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  return [0, 1].map((r) =>
    Array.from({ length: perRange }, (_, i): [number, number, number] => {
      const shared = random() % 3 === 0;
      const v = random();
      // Shared paths differ only in their second lane now and then, as two paths with one equal lane would.
      return shared ? [(v % 40) * 0x9e3779b1, v % 3, r * perRange + i] : [v, random(), r * perRange + i];
    }),
  );
}

function log(entries: Array<[number, number, number]>): VariantLog {
  const l = new VariantLog();
  for (const [x, y, c] of entries) l.add(x >>> 0, y >>> 0, c);
  return l;
}

describe("path variants summarised by hash buckets across worker ranges", () => {
  it("gives the distinct paths, customers with a path and top variants of the sorted-runs summary", () => {
    const data = ranges(6000);
    for (const bits of [0, 3, 8])
      for (const n of [0, 1, 10, 50]) {
        const expected = summarizeVariants(
          data.map((entries) => log(entries).runs()),
          n,
        );
        const exchanges = data.map((entries) => {
          const exchange = new SharedArrayBuffer(exchangeBytes(entries.length, bits));
          log(entries).scatter(exchange, bits);
          return exchange;
        });
        const views = exchanges.map(viewExchange);
        for (const parts of [1, 2, 3]) {
          const bounds = splitBuckets(views, parts);
          const summaries = bounds
            .slice(0, -1)
            .map((from, p) => summarizeVariantBuckets(views, from, bounds[p + 1]!, n));
          expect(mergeVariantSummaries(summaries, n)).toEqual(expected);
        }
      }
  });

  it("summarises ranges without customers", () => {
    const exchange = new SharedArrayBuffer(exchangeBytes(0, 2));
    new VariantLog().scatter(exchange, 2);
    expect(summarizeVariantBuckets([viewExchange(exchange)], 0, 4, 10)).toEqual({ distinct: 0, withPath: 0, top: [] });
  });
});
