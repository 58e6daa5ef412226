import { describe, expect, it } from "vitest";
import { giveBuffers } from "./spareBuffers.js";
import { VariantLog } from "./VariantLog.js";

/** The variants of (h1, h2) per customer as a plain comparison sort would group them. */
function expectedRuns(h1: number[], h2: number[]) {
  const order = h1.map((_, i) => i).sort((a, b) => h1[a]! - h1[b]! || h2[a]! - h2[b]! || a - b);
  const runs: Array<[number, number, number, number]> = [];
  for (const i of order) {
    const last = runs.at(-1);
    if (last && last[0] === h1[i] && last[1] === h2[i]) last[2]++;
    else runs.push([h1[i]!, h2[i]!, 1, i]);
  }
  return runs;
}

function logRuns(h1: number[], h2: number[], expected: number) {
  const log = new VariantLog(expected);
  h1.forEach((x, i) => log.add(x, h2[i]!, i));
  const r = log.runs();
  return { r, runs: Array.from(r.h1, (x, v) => [x, r.h2[v]!, r.count[v]!, r.customer[v]!]) };
}

describe("path variant log", () => {
  it("groups customers by full-width hash, counted, in hash order, with the lowest customer as example", () => {
    let seed = 11;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const n = 50_000;
    // Frequent equal h1 with differing h2, and full-width values above 2³¹.
    const h1 = Array.from({ length: n }, () => (random() % 4 === 0 ? 0xfffffff0 + (random() % 3) : random() % 2000));
    const h2 = Array.from({ length: n }, () => random() % 4);
    // Started small, so the log grows while it is filled.
    expect(logRuns(h1, h2, 16).runs).toEqual(expectedRuns(h1, h2));
  });

  it("answers right again when a later run reuses the buffers an earlier one handed back", () => {
    let seed = 5;
    const random = () => (seed = (Math.imul(seed, 22695477) + 1) >>> 0);
    const n = 40_000;
    const first = logRuns(
      Array.from({ length: n }, () => random()),
      Array.from({ length: n }, () => random()),
      n,
    );
    // As the kernel does once a request's metrics are read: the results' buffers go back for the next run.
    const { h1: a, h2: b, count, customer } = first.r;
    giveBuffers([a.buffer, b.buffer, count.buffer, customer.buffer] as ArrayBuffer[]);
    const h1 = Array.from({ length: n }, () => random() % 500);
    const h2 = Array.from({ length: n }, () => random() % 2);
    expect(logRuns(h1, h2, n).runs).toEqual(expectedRuns(h1, h2));
  });
});
