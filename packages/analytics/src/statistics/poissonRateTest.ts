import type { EffectTest } from "./EffectTest.js";
import { twoSidedP, Z95 } from "./normalCdf.js";

/**
 * Compares two counts over windows of the same length (customers reached before and after): under no change each of
 * the `a + b` is equally likely to fall in either window, so `b` is binomial(a + b, ½) — tested with its normal
 * approximation; the interval of `b − a` is ± 1.96 √(a + b).
 */
export function poissonRateTest(a: number, b: number): EffectTest {
  const total = a + b;
  const change = b - a;
  const sd = Math.sqrt(total);
  return {
    change,
    interval: [change - Z95 * sd, change + Z95 * sd],
    pValue: total === 0 ? 1 : twoSidedP(change / sd),
  };
}
