import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

/** Two-sided p-value of a standard normal statistic (ours: one line over the library's distribution function). */
export function twoSidedP(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}

/** The 97.5% point of the standard normal distribution: 95% intervals are ± this many standard errors. */
export const Z95 = normalQuantile(0.975, 0, 1);
