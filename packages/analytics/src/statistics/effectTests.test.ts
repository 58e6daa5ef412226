import { describe, expect, it } from "vitest";
import { seededRandom } from "../random/seededRandom.js";
import { mannWhitneyTest } from "./mannWhitneyTest.js";
import { poissonRateTest } from "./poissonRateTest.js";
import { twoSidedP, Z95 } from "./standardNormal.js";
import { twoProportionTest } from "./twoProportionTest.js";

/** `days` daily values around `level` (± `spread`/2, uniform), as a time KPI's daily medians in seconds. */
function dailyValues(random: () => number, days: number, level: number, spread: number): number[] {
  return Array.from({ length: days }, () => level + (random() - 0.5) * spread);
}

describe("before/after tests behind a shipped idea's measured effect", () => {
  it("95% intervals and p-values use the normal distribution R uses", () => {
    // qnorm(0.975) and 2 * pnorm(-2.575829): the 1% two-sided point.
    expect(Z95).toBeCloseTo(1.959963984540054, 12);
    expect(twoSidedP(Z95)).toBeCloseTo(0.05, 12);
    expect(twoSidedP(-2.575829303549)).toBeCloseTo(0.01, 12);
    expect(twoSidedP(0)).toBe(1);
  });

  it("two-proportion z-test agrees with R's prop.test without continuity correction", () => {
    // prop.test(c(50, 70), c(100, 100), correct = FALSE): X-squared = 8.3333, p-value = 0.003892
    const t = twoProportionTest(50, 100, 70, 100);
    expect(t.change).toBeCloseTo(0.2, 12);
    expect(t.pValue).toBeCloseTo(0.003892, 5);
    // Wald interval: 0.2 ± 1.96 √(0.25/100 + 0.21/100)
    expect(t.interval[0]).toBeCloseTo(0.2 - 1.959964 * Math.sqrt(0.0046), 5);
    expect(twoProportionTest(30, 100, 30, 100).pValue).toBe(1);
  });

  it("Mann–Whitney agrees with R's wilcox.test (normal approximation, continuity correction)", () => {
    // wilcox.test(6:10, 1:5, exact = FALSE, conf.int = TRUE): p-value = 0.01219, difference in location 5
    const t = mannWhitneyTest([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
    expect(t.pValue).toBeCloseTo(0.01219, 4);
    expect(t.change).toBe(5);
    // wilcox.test(6:10, 1:5, conf.int = TRUE): the 3rd smallest and 3rd largest of the 25 differences, 2 and 8.
    expect(t.interval).toEqual([2, 8]);
    // Identical samples: no evidence at all.
    expect(mannWhitneyTest([3, 3, 3], [3, 3, 3]).pValue).toBe(1);
  });

  it("a count that rises from 100 to 144 in windows of the same length is a change beyond noise", () => {
    // poisson.test(c(144, 100)), the same as binom.test(144, 244): p-value = 0.005797, share 95% CI 0.5256–0.6525.
    const t = poissonRateTest(100, 144);
    expect(t.change).toBe(44);
    expect(t.pValue).toBeCloseTo(0.005797, 6);
    expect(t.interval[0]).toBeCloseTo(244 * (2 * 0.525621 - 1), 3);
    expect(t.interval[1]).toBeCloseTo(244 * (2 * 0.652489 - 1), 3);
    expect(poissonRateTest(100, 104).pValue).toBeGreaterThan(0.5);
    expect(poissonRateTest(0, 0)).toEqual({ change: 0, interval: [0, 0], pValue: 1 });
  });

  it("a time that falls by two minutes a day is found: the change and its interval are the same shift", () => {
    const random = seededRandom(14);
    const before = dailyValues(random, 28, 600, 240);
    const after = dailyValues(random, 28, 480, 240);
    const t = mannWhitneyTest(before, after);
    expect(t.pValue).toBeLessThan(0.05);
    expect(t.change).toBeLessThan(0);
    // The interval covers the true shift of −120 s and lies on the side of the change.
    expect(t.interval[0]).toBeLessThan(-120);
    expect(t.interval[1]).toBeGreaterThan(-120);
    expect(t.interval[1]).toBeLessThan(0);
    expect(t.change).toBeGreaterThanOrEqual(t.interval[0]);
    expect(t.change).toBeLessThanOrEqual(t.interval[1]);
  });

  it("a time that does not move is not called a change, and its interval covers no change", () => {
    const random = seededRandom(15);
    const t = mannWhitneyTest(dailyValues(random, 28, 600, 240), dailyValues(random, 28, 600, 240));
    expect(t.pValue).toBeGreaterThanOrEqual(0.05);
    expect(t.interval[0]).toBeLessThan(0);
    expect(t.interval[1]).toBeGreaterThan(0);
  });

  it("on samples from one distribution, about 5% of tests call a change (the false alarm rate holds)", () => {
    const random = seededRandom(5);
    let alarms = 0;
    let covered = 0;
    for (let run = 0; run < 400; run++) {
      const draw = () => Array.from({ length: 20 }, () => random() * 10);
      const t = mannWhitneyTest(draw(), draw());
      if (t.pValue < 0.05) alarms++;
      if (t.interval[0] <= 0 && t.interval[1] >= 0) covered++;
    }
    expect(alarms).toBeGreaterThan(5);
    expect(alarms).toBeLessThan(40);
    // …and the 95% interval of the shift covers the true shift of zero about 95% of the time.
    expect(covered).toBeGreaterThan(360);
    expect(covered).toBeLessThan(395);
  });
});
