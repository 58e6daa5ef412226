/** The answer of a before/after test: the estimated change (after − before), its 95% interval and the p-value. */
export interface EffectTest {
  change: number;
  interval: [number, number];
  pValue: number;
}
