import binomialTest from "@stdlib/stats-binomial-test";
import type { EffectTest } from "./EffectTest.js";

/**
 * Compares two counts over windows of the same length (customers reached before and after): under no change each of
 * the `a + b` is equally likely to fall in either window, so `b` is binomial(a + b, ½) — the library's exact binomial
 * test (R's `poisson.test` of two counts with equal exposure). The 95% interval of `b − a` is its Clopper–Pearson
 * interval of the share `b / (a + b)` carried over to the difference, `(a + b)(2p − 1)`.
 */
export function poissonRateTest(a: number, b: number): EffectTest {
  const total = a + b;
  const change = b - a;
  // Ours: the library refuses zero trials, and two empty windows carry no evidence of any change.
  if (total === 0) return { change: 0, interval: [0, 0], pValue: 1 };
  const { pValue, ci } = binomialTest(b, total, { p: 0.5 });
  return { change, interval: [total * (2 * ci[0]! - 1), total * (2 * ci[1]! - 1)], pValue: Math.min(1, pValue) };
}
