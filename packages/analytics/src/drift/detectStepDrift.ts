import type {
  DriftMeasure,
  DriftMeasurement,
  DriftSettings,
  MapSnapshot,
  MetricsFilters,
  StepDrift,
  TouchpointRule,
} from "@opencjm/core";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { computeKpiWindow } from "../kpis/computeKpiSeries.js";
import type { KpiMeasurement, KpiSpec } from "../kpis/KpiSpec.js";
import { compileMapStructure } from "../metrics/compileMapStructure.js";
import type { KernelRunOptions } from "../metrics/computeMapMetrics.js";
import type { EffectTest } from "../statistics/EffectTest.js";
import { twoProportionTest } from "../statistics/twoProportionTest.js";

const DAY = 86_400_000;
const ALPHA = 0.05;

/** What drift is measured over: the map, the workspace's rules, a segment, and where the later period ends. */
export interface StepDriftInput {
  map: MapSnapshot;
  rules: readonly TouchpointRule[];
  segment?: MetricsFilters["segment"];
  /** The end of the later period (exclusive), in milliseconds. */
  until: number;
  settings: DriftSettings;
}

/** Each step's drift, and the two periods compared. */
export interface StepDriftResult {
  before: { from: string; to: string };
  after: { from: string; to: string };
  steps: StepDrift[];
}

const iso = (ms: number) => new Date(ms).toISOString();
const specId = (measure: DriftMeasure, stepId: string) => `${measure}:${stepId}`;

/** Whether a move passes the thresholds: big enough (times relative to before) and beyond noise. */
function beyondThreshold(measure: DriftMeasure, before: number, change: number, s: DriftSettings): boolean {
  if (measure === "conversion") return Math.abs(change) >= s.conversionPoints;
  if (measure === "negativeShare") return Math.abs(change) >= s.negativePoints;
  return before > 0 && Math.abs(change) / before >= s.timeChange;
}

function judge(
  measure: DriftMeasure,
  before: KpiMeasurement,
  after: KpiMeasurement,
  test: (Omit<EffectTest, "interval"> & { interval: EffectTest["interval"] | null }) | null,
  s: DriftSettings,
): DriftMeasurement {
  const change = before.value !== null && after.value !== null ? after.value - before.value : null;
  const flagged =
    test !== null &&
    change !== null &&
    change !== 0 &&
    test.pValue < ALPHA &&
    beyondThreshold(measure, before.value!, change, s);
  return {
    measure,
    before: { value: before.value, sample: before.sample },
    after: { value: after.value, sample: after.sample },
    change,
    interval: test?.interval ?? null,
    pValue: test?.pValue ?? null,
    flagged,
    // Only conversion is better higher; a shorter time and less negative feedback are better.
    better: change === null || change === 0 ? null : change > 0 === (measure === "conversion"),
  };
}

/**
 * Keeps a map alive (PRODUCT.md §4.7): each step's conversion to the next level, median time to it and share of
 * negative feedback over the last `periodDays` before `until` against the `periodDays` before them. Conversion and
 * negative feedback are compared with a two-proportion test over the customers (texts) of each period, the median time
 * with Mood's median test (the share of converted customers faster than the earlier median). A step is flagged on a
 * measure whose change passes the setting's threshold, is significant at 5%, and stands on at least `minSample`
 * customers (texts, converted customers) in each period. Steps of the last level have no conversion or time.
 */
export async function detectStepDrift(
  db: EventDatabase,
  input: StepDriftInput,
  run: KernelRunOptions = {},
): Promise<StepDriftResult> {
  const { map, rules, settings } = input;
  const split = input.until - settings.periodDays * DAY;
  const from = split - settings.periodDays * DAY;
  const structure = compileMapStructure(map);
  const last = structure.levelCount - 1;
  const specs: KpiSpec[] = [];
  for (const step of structure.steps) {
    const anchor = { kind: "step" as const, stepId: step.id };
    if (step.level < last) {
      specs.push({ id: specId("conversion", step.id), measure: "conversion", anchor });
      specs.push({ id: specId("medianTime", step.id), measure: "medianTime", anchor });
    }
    specs.push({ id: specId("negativeShare", step.id), measure: "negativeShare", anchor });
  }
  const request = (a: number, b: number) => ({ filters: { segment: input.segment, from: iso(a), to: iso(b) } });
  const base = { map, rules, kpis: specs };
  const before = await computeKpiWindow(db, { ...base, request: request(from, split) }, run);
  const after = await computeKpiWindow(db, { ...base, request: request(split, input.until) }, run);
  // Mood's median test: the share of each period's converted customers who reached the next step within the earlier
  // period's median time (about half before), compared between the periods. The engine counts them as conversions
  // within a window of that median; each step needs its own window, so one run per step and period.
  const withinMedian = async (stepId: string, medianMs: number, a: number, b: number) => {
    const spec = { id: "within", measure: "conversion" as const, anchor: { kind: "step" as const, stepId } };
    const options = { conversionWindowHours: medianMs / 3_600_000 };
    const req = { filters: request(a, b).filters, options };
    return (await computeKpiWindow(db, { map, rules, kpis: [spec], request: req }, run)).get("within")!.successes ?? 0;
  };

  const steps: StepDrift[] = [];
  for (const step of structure.steps) {
    const measures: DriftMeasurement[] = [];
    for (const measure of ["conversion", "medianTime", "negativeShare"] as const) {
      const id = specId(measure, step.id);
      const b = before.get(id);
      const a = after.get(id);
      if (!b || !a) continue;
      let test: (Omit<EffectTest, "interval"> & { interval: EffectTest["interval"] | null }) | null = null;
      const enough = b.sample >= settings.minSample && a.sample >= settings.minSample;
      if (measure === "medianTime") {
        const median = b.value;
        if (enough && median !== null && median > 0) {
          const x1 = await withinMedian(step.id, median, from, split);
          const x2 = await withinMedian(step.id, median, split, input.until);
          // The interval of a share of customers is not one of times: only the p-value is kept.
          test = { ...twoProportionTest(x1, b.sample, x2, a.sample), interval: null };
        }
      } else if (enough) {
        test = twoProportionTest(b.successes!, b.sample, a.successes!, a.sample);
      }
      measures.push(judge(measure, b, a, test, settings));
    }
    steps.push({ stepId: step.id, stageId: step.stageId, name: step.name, measures });
  }
  return { before: { from: iso(from), to: iso(split) }, after: { from: iso(split), to: iso(input.until) }, steps };
}
