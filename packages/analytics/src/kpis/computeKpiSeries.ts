import type { KpiBucket, MapSnapshot } from "@opencjm/core";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { compileKernelPlan } from "../metrics/compileKernelPlan.js";
import { compileMapStructure } from "../metrics/compileMapStructure.js";
import { computeMapMetrics, kernelColumns, type KernelRunOptions } from "../metrics/computeMapMetrics.js";
import type { MapMetrics } from "../metrics/MapMetricsSchema.js";
import { MetricsRequestSchema, type MetricsRequestInput } from "../metrics/MetricsRequestSchema.js";
import { getSegmentMask } from "../queries/segment/getSegmentMask.js";
import type { TouchpointRule } from "../rules/TouchpointRuleSchema.js";
import { loadJourneyStore } from "../store/loadJourneyStore.js";
import { countNegativeFeedback, type NegativeFeedback } from "./countNegativeFeedback.js";
import { kpiBuckets, type TimeBucket } from "./kpiBuckets.js";
import type { KpiMeasurement, KpiSpec } from "./KpiSpec.js";
import { measureKpi } from "./measureKpi.js";
import { pairMapOf } from "./pairMapOf.js";
import { placeKpi } from "./placeKpi.js";

/** What a KPI series is computed over: the map, the workspace's rules, the metrics filters and the bucket size. */
export interface KpiSeriesInput {
  map: MapSnapshot;
  rules: readonly TouchpointRule[];
  kpis: readonly KpiSpec[];
  /** Filters and options of the map's metrics; `filters.from` and `filters.to` bound the series and are required. */
  request: MetricsRequestInput;
  bucket: KpiBucket;
  maxBuckets: number;
}

/** One bucket of each KPI's series. */
export interface KpiSeriesPoint extends TimeBucket, KpiMeasurement {}

const iso = (ms: number) => new Date(ms).toISOString();
const parseDate = (d: string) => Date.parse(d.length === 10 ? `${d}T00:00:00Z` : d);

/**
 * Computes KPIs over time (PRODUCT.md §4.7): for each calendar bucket the one-pass journey engine runs on the events
 * of that bucket alone (the bucket is its date filter, intersected with the request's), once for the map and once per
 * distinct pair of steps a KPI converts between, and each KPI reads its value from those metrics. A conversion within
 * a bucket therefore needs both steps inside it, as with any date filter on the map. Throws KpiSpecError for a KPI the
 * map cannot answer and RangeError for more buckets than `maxBuckets`.
 */
export async function computeKpiSeries(
  db: EventDatabase,
  input: KpiSeriesInput,
  run: KernelRunOptions = {},
): Promise<Map<string, KpiSeriesPoint[]>> {
  const { filters, options } = MetricsRequestSchema.parse(input.request);
  if (!filters.from || !filters.to) throw new RangeError("a KPI series needs filters.from and filters.to");
  const fromMs = parseDate(filters.from);
  const toMs = parseDate(filters.to);
  const buckets = kpiBuckets(fromMs, toMs, input.bucket, input.maxBuckets);
  const structure = compileMapStructure(input.map);
  const places = new Map(input.kpis.map((k) => [k.id, placeKpi(k, input.map, structure)]));
  const pairs = new Map<string, MapSnapshot>();
  for (const k of input.kpis)
    if (k.toStepId && k.anchor.kind === "step")
      pairs.set(`${k.anchor.stepId}>${k.toStepId}`, pairMapOf(input.map, k.anchor.stepId, k.toStepId));
  const needNegative = input.kpis.some((k) => k.measure === "negativeShare");
  const store = needNegative ? await loadJourneyStore(db) : undefined;
  const mask = store && filters.segment ? await getSegmentMask(db, filters.segment, store.customerCount) : undefined;

  const series = new Map<string, KpiSeriesPoint[]>(input.kpis.map((k) => [k.id, []]));
  for (const bucket of buckets) {
    const bucketFilters = {
      ...filters,
      from: iso(Math.max(bucket.start, fromMs)),
      to: iso(Math.min(bucket.end, toMs)),
    };
    const request = { filters: bucketFilters, options };
    const main = await computeMapMetrics(db, { map: input.map, rules: input.rules, request }, run);
    const pairMetrics = new Map<string, MapMetrics>();
    for (const [key, map] of pairs)
      pairMetrics.set(key, await computeMapMetrics(db, { map, rules: input.rules, request }, run));
    let negative: NegativeFeedback | undefined;
    if (store) {
      const { plan } = compileKernelPlan(store, structure, input.rules, bucketFilters, options, mask);
      negative = countNegativeFeedback(kernelColumns(store, plan.activityOfKey.includes(-2)), plan);
    }
    for (const k of input.kpis) {
      const pair = k.toStepId && k.anchor.kind === "step" ? `${k.anchor.stepId}>${k.toStepId}` : undefined;
      const measured = pair
        ? measureKpi(k, pairMetrics.get(pair)!, { stepIndex: 0, stageIndex: 0 }, negative)
        : measureKpi(k, main, places.get(k.id)!, negative);
      series.get(k.id)!.push({ ...bucket, ...measured });
    }
  }
  return series;
}
