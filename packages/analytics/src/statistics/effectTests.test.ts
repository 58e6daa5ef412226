import { describe, expect, it } from "vitest";
import { seededRandom } from "../random/seededRandom.js";
import { mannWhitneyTest } from "./mannWhitneyTest.js";
import { normalCdf } from "./normalCdf.js";
import { poissonRateTest } from "./poissonRateTest.js";
import { twoProportionTest } from "./twoProportionTest.js";

describe("before/after tests behind a shipped idea's measured effect", () => {
  it("the normal distribution function matches tabulated values", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-2.575829)).toBeCloseTo(0.005, 6);
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
    expect(t.interval[0]).toBeGreaterThan(0);
    // Identical samples: no evidence at all.
    expect(mannWhitneyTest([3, 3, 3], [3, 3, 3]).pValue).toBe(1);
  });

  it("a count that rises from 100 to 144 in windows of the same length is a change beyond noise", () => {
    const t = poissonRateTest(100, 144);
    expect(t.change).toBe(44);
    expect(t.pValue).toBeCloseTo(0.00485, 4);
    expect(poissonRateTest(100, 104).pValue).toBeGreaterThan(0.5);
  });

  it("on samples from one distribution, about 5% of tests call a change (the false alarm rate holds)", () => {
    const random = seededRandom(5);
    let alarms = 0;
    for (let run = 0; run < 400; run++) {
      const draw = () => Array.from({ length: 20 }, () => random() * 10);
      if (mannWhitneyTest(draw(), draw()).pValue < 0.05) alarms++;
    }
    expect(alarms).toBeGreaterThan(5);
    expect(alarms).toBeLessThan(40);
  });
});
