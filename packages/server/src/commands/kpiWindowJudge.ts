import {
  compileMapStructure,
  computeKpiSeries,
  computeKpiWindow,
  KpiSpecError,
  mannWhitneyTest,
  placeKpi,
  poissonRateTest,
  twoProportionTest,
  type EffectTest,
  type KpiMeasurement,
  type KpiSpec,
} from "@opencjm/analytics";
import { PROPORTION_MEASURES, type Kpi, type KpiEffect, type MapSnapshot } from "@opencjm/core";
import { DomainError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { listKpiValues } from "../store/kpiStore.js";
import { listTouchpointRules } from "../store/touchpointRuleStore.js";
import { kpiMap } from "./kpiDefiner.js";

/** Below these a before/after comparison says "not enough data": customers or texts per window, days with a value. */
const MIN_PROPORTION_SAMPLE = 30;
const MIN_COUNT_TOTAL = 10;
const MIN_DAYS = 7;
const MIN_MANUAL_VALUES = 3;
const iso = (ms: number) => new Date(ms).toISOString();
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/** The windows compared, in ms: the first day before the ship date, the ship date, the end of the trial. */
export interface Windows {
  beforeFrom: number;
  shipped: number;
  afterTo: number;
}

type Side = { value: number | null; sample: number };
type Problem = NonNullable<KpiEffect["problem"]>;
/** One KPI over both windows: values, the test made (null without enough data), and why it cannot be measured. */
export type Judged = {
  before: Side;
  after: Side;
  test: EffectTest | null;
  kind: KpiEffect["test"];
  problem: Problem | null;
};

// What a KPI whose place on the map is gone says (errors catalogue: kpi_unknown_step.gone…); other problems keep the
// engine's sentence.
const GONE: Record<string, string> = {
  "kpi_unknown_step anchor.stepId": "the step this KPI is on no longer exists on the map",
  "kpi_unknown_step source.toStepId": "the step this KPI measures up to no longer exists on the map",
  "kpi_unknown_stage anchor.stageId": "the stage this KPI is on no longer exists on the map",
};

/** The KPI's map, or why the KPI can no longer be measured on it (the map, or its step or stage, was deleted). */
async function placedMap(
  services: Services,
  workspaceId: string,
  kpi: Kpi,
  spec: KpiSpec,
): Promise<MapSnapshot | Problem> {
  const mapId = kpi.anchor.kind === "workspace" ? "" : kpi.anchor.mapId;
  let map: MapSnapshot;
  try {
    map = await kpiMap(services, workspaceId, mapId);
  } catch (err) {
    if (!(err instanceof DomainError) || err.kind !== "not_found") throw err;
    return { code: "kpi_map_deleted", message: "the map this KPI is on no longer exists" };
  }
  try {
    placeKpi(spec, map, compileMapStructure(map));
  } catch (err) {
    if (!(err instanceof KpiSpecError)) throw err;
    return { code: err.code, message: GONE[`${err.code} ${err.field}`] ?? err.message };
  }
  return map;
}

/**
 * Windows of a data KPI: the engine over each whole window, and per day for times and scores (Mann–Whitney); reach
 * too is compared per day when the windows differ in length, as their counts are not comparable then.
 */
export async function judgeDataKpi(
  services: Services,
  workspaceId: string,
  kpi: Kpi,
  spec: KpiSpec,
  w: Windows,
): Promise<Judged> {
  const map = await placedMap(services, workspaceId, kpi, spec);
  if (!("version" in map)) {
    const none = { value: null, sample: 0 };
    return { before: none, after: none, test: null, kind: null, problem: map };
  }
  const events = await services.analytics.open(workspaceId);
  const rules = await listTouchpointRules(services.db, workspaceId);
  const request = (from: number, to: number) => ({
    filters: { segment: map.settings.segment, from: iso(from), to: iso(to) },
  });
  const base = { map, rules, kpis: [spec] };
  const before = (await computeKpiWindow(events, { ...base, request: request(w.beforeFrom, w.shipped) })).get(kpi.id)!;
  const after = (await computeKpiWindow(events, { ...base, request: request(w.shipped, w.afterTo) })).get(kpi.id)!;
  const side = (m: KpiMeasurement): Side => ({ value: m.value, sample: m.sample });
  const measure = spec.measure;
  if (PROPORTION_MEASURES.includes(measure)) {
    const enough = before.sample >= MIN_PROPORTION_SAMPLE && after.sample >= MIN_PROPORTION_SAMPLE;
    const test = enough ? twoProportionTest(before.successes!, before.sample, after.successes!, after.sample) : null;
    return { before: side(before), after: side(after), test, kind: "twoProportionZ", problem: null };
  }
  const sameLength = w.shipped - w.beforeFrom === w.afterTo - w.shipped;
  if (measure === "reach" && sameLength) {
    const enough = before.sample + after.sample >= MIN_COUNT_TOTAL;
    const test = enough ? poissonRateTest(before.sample, after.sample) : null;
    return { before: side(before), after: side(after), test, kind: "poissonRate", problem: null };
  }
  const daily = async (from: number, to: number) => {
    const series = await computeKpiSeries(events, {
      ...base,
      request: request(from, to),
      bucket: "day",
      maxBuckets: 400,
    });
    return series.get(kpi.id)!.flatMap((p) => (p.value === null ? [] : [p.value]));
  };
  const daysBefore = await daily(w.beforeFrom, w.shipped);
  const daysAfter = await daily(w.shipped, w.afterTo);
  const enough = daysBefore.length >= MIN_DAYS && daysAfter.length >= MIN_DAYS;
  const test = enough ? mannWhitneyTest(daysBefore, daysAfter) : null;
  // Reach over windows of different lengths is said as customers per day.
  const value = (m: KpiMeasurement, days: number[]) => (measure === "reach" ? mean(days) : m.value);
  return {
    before: { value: value(before, daysBefore), sample: daysBefore.length },
    after: { value: value(after, daysAfter), sample: daysAfter.length },
    test,
    kind: "mannWhitney",
    problem: null,
  };
}

/** Values entered by hand in each window: their means, compared with Mann–Whitney. */
export async function judgeManualKpi(services: Services, kpi: Kpi, w: Windows): Promise<Judged> {
  const values = await listKpiValues(services.db, kpi.id);
  const within = (from: number, to: number) =>
    values
      .filter((v) => Date.parse(`${v.date}T00:00:00Z`) >= from && Date.parse(`${v.date}T00:00:00Z`) < to)
      .map((v) => v.value);
  const b = within(w.beforeFrom, w.shipped);
  const a = within(w.shipped, w.afterTo);
  const enough = b.length >= MIN_MANUAL_VALUES && a.length >= MIN_MANUAL_VALUES;
  return {
    before: { value: mean(b), sample: b.length },
    after: { value: mean(a), sample: a.length },
    test: enough ? mannWhitneyTest(b, a) : null,
    kind: "mannWhitney",
    problem: null,
  };
}
