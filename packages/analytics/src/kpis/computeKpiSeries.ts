import {
  type KpiBucket,
  type MapSnapshot,
  type MapMetrics,
  MetricsRequestSchema,
  type MetricsFilters,
  type MetricsOptions,
  type MetricsRequestInput,
  type TouchpointRule,
} from "@opencjm/core";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { compileKernelPlan } from "../metrics/compileKernelPlan.js";
import { compileMapStructure, type MapStructure } from "../metrics/compileMapStructure.js";
import { computeMapMetrics, kernelColumns, type KernelRunOptions } from "../metrics/computeMapMetrics.js";
import { getSegmentMask } from "../queries/segment/getSegmentMask.js";
import type { JourneyStore } from "../store/JourneyStore.js";
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

/** What every range of one computation shares: the map, its checked KPIs and the pairs of steps they convert between. */
interface Prepared {
  input: Omit<KpiSeriesInput, "bucket" | "maxBuckets">;
  filters: MetricsFilters;
  options: MetricsOptions;
  places: Map<string, { stepIndex: number; stageIndex: number }>;
  pairs: Map<string, MapSnapshot>;
  structure: MapStructure;
  store: JourneyStore | undefined;
  mask: Uint8Array | undefined;
}

const pairKey = (k: KpiSpec) =>
  k.toStepId && k.anchor.kind === "step" ? `${k.anchor.stepId}>${k.toStepId}` : undefined;

async function prepare(db: EventDatabase, input: Omit<KpiSeriesInput, "bucket" | "maxBuckets">): Promise<Prepared> {
  const { filters, options } = MetricsRequestSchema.parse(input.request);
  const structure = compileMapStructure(input.map);
  const places = new Map(input.kpis.map((k) => [k.id, placeKpi(k, input.map, structure)]));
  const pairs = new Map<string, MapSnapshot>();
  for (const k of input.kpis)
    if (k.toStepId && k.anchor.kind === "step")
      pairs.set(pairKey(k)!, pairMapOf(input.map, k.anchor.stepId, k.toStepId));
  const needNegative = input.kpis.some((k) => k.measure === "negativeShare");
  const store = needNegative ? await loadJourneyStore(db) : undefined;
  const mask = store && filters.segment ? await getSegmentMask(db, filters.segment, store.customerCount) : undefined;
  return { input, filters, options, places, pairs, structure, store, mask };
}

/** Runs the engine once on the events of [fromMs, toMs) (and once per pair of steps) and reads every KPI from it. */
async function measureRange(
  db: EventDatabase,
  p: Prepared,
  fromMs: number,
  toMs: number,
  run: KernelRunOptions,
): Promise<Map<string, KpiMeasurement>> {
  const { input, options } = p;
  const filters = { ...p.filters, from: iso(fromMs), to: iso(toMs) };
  const request = { filters, options };
  const main = await computeMapMetrics(db, { map: input.map, rules: input.rules, request }, run);
  const pairMetrics = new Map<string, MapMetrics>();
  for (const [key, map] of p.pairs)
    pairMetrics.set(key, await computeMapMetrics(db, { map, rules: input.rules, request }, run));
  let negative: NegativeFeedback | undefined;
  if (p.store) {
    const { plan } = compileKernelPlan(p.store, p.structure, input.rules, filters, options, p.mask);
    negative = countNegativeFeedback(kernelColumns(p.store, plan.activityOfKey.includes(-2)), plan);
  }
  const out = new Map<string, KpiMeasurement>();
  for (const k of input.kpis) {
    const pair = pairKey(k);
    out.set(
      k.id,
      pair
        ? measureKpi(k, pairMetrics.get(pair)!, { stepIndex: 0, stageIndex: 0 }, negative)
        : measureKpi(k, main, p.places.get(k.id)!, negative),
    );
  }
  return out;
}

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
  const p = await prepare(db, input);
  if (!p.filters.from || !p.filters.to) throw new RangeError("a KPI series needs filters.from and filters.to");
  const fromMs = parseDate(p.filters.from);
  const toMs = parseDate(p.filters.to);
  const series = new Map<string, KpiSeriesPoint[]>(input.kpis.map((k) => [k.id, []]));
  for (const bucket of kpiBuckets(fromMs, toMs, input.bucket, input.maxBuckets)) {
    const measured = await measureRange(db, p, Math.max(bucket.start, fromMs), Math.min(bucket.end, toMs), run);
    for (const k of input.kpis) series.get(k.id)!.push({ ...bucket, ...measured.get(k.id)! });
  }
  return series;
}

/** Each KPI measured once over exactly `filters.from` … `filters.to` (a before or after window of a shipped idea). */
export async function computeKpiWindow(
  db: EventDatabase,
  input: Omit<KpiSeriesInput, "bucket" | "maxBuckets">,
  run: KernelRunOptions = {},
): Promise<Map<string, KpiMeasurement>> {
  const p = await prepare(db, input);
  if (!p.filters.from || !p.filters.to) throw new RangeError("a KPI window needs filters.from and filters.to");
  return measureRange(db, p, parseDate(p.filters.from), parseDate(p.filters.to), run);
}
