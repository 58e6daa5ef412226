import type { EffectTest } from "./EffectTest.js";
import { twoSidedP, Z95 } from "./standardNormal.js";

/** Ranks of the values (1-based), ties sharing their average rank, and the Σ(t³ − t) of the ties for the variance. */
function ranks(values: number[]): { rank: Float64Array; tieTerm: number } {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const rank = new Float64Array(values.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const average = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) rank[order[k]!.i] = average;
    const t = end - start + 1;
    tieTerm += t * t * t - t;
    start = end + 1;
  }
  return { rank, tieTerm };
}

/**
 * Mann–Whitney U test of `after` against `before` (normal approximation with continuity and tie corrections, as R's
 * `wilcox.test(exact = FALSE)`), its p-value from the library's normal distribution. The change is the Hodges–Lehmann
 * shift — the median of all after − before differences — and the 95% interval is of that same shift: the ordered
 * differences at the rank-sum test's critical value (as R's exact interval, the critical value from the normal
 * approximation). Ours: no maintained JavaScript statistics library has the two-sample rank-sum test with its p-value
 * and shift interval (@stdlib has the one-sample signed-rank test, simple-statistics only the rank sum).
 */
export function mannWhitneyTest(before: number[], after: number[]): EffectTest {
  const n1 = before.length;
  const n2 = after.length;
  const { rank, tieTerm } = ranks([...before, ...after]);
  let rankSum = 0;
  for (let i = n1; i < n1 + n2; i++) rankSum += rank[i]!;
  const u = rankSum - (n2 * (n2 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const n = n1 + n2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  const z = variance > 0 ? (Math.abs(u - mean) - 0.5) / Math.sqrt(variance) : 0;

  const differences: number[] = [];
  for (const y of after) for (const x of before) differences.push(y - x);
  differences.sort((a, b) => a - b);
  const m = differences.length;
  const middle = m % 2 ? differences[(m - 1) / 2]! : (differences[m / 2 - 1]! + differences[m / 2]!) / 2;
  // The critical count Cα (1-based): the interval runs from the Cα-th smallest difference to the Cα-th largest.
  const critical = Math.max(1, Math.round(mean - Z95 * Math.sqrt((n1 * n2 * (n + 1)) / 12)));
  return {
    change: middle,
    interval: [differences[critical - 1]!, differences[m - critical]!],
    pValue: variance > 0 ? twoSidedP(Math.max(0, z)) : 1,
  };
}
