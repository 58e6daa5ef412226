import type { EffectTest } from "./EffectTest.js";
import { twoSidedP, Z95 } from "./standardNormal.js";

/**
 * Two-proportion z-test of `x2`/`n2` (after) against `x1`/`n1` (before): the z statistic uses the pooled proportion
 * (the null hypothesis of no change; its square is the X² of R's `prop.test` without continuity correction), the 95%
 * interval of the difference the unpooled (Wald) standard error. Ours: the library's chi-square test of a 2 × 2 table
 * (@stdlib/stats-chi2test) depends on a package taken from a git repository, which an install from the npm registry
 * cannot reach; the statistic is two lines over the library's normal distribution.
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): EffectTest {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const change = p2 - p1;
  return {
    change,
    interval: [change - Z95 * se, change + Z95 * se],
    pValue: se0 === 0 ? (change === 0 ? 1 : 0) : twoSidedP(change / se0),
  };
}
