/**
 * The answer of a before/after test: the test's estimate of the change after − before (a difference of shares or of
 * counts, or for a rank test the Hodges–Lehmann shift), the 95% interval of that same quantity and the p-value.
 */
export interface EffectTest {
  change: number;
  interval: [number, number];
  pValue: number;
}
