import {
  bucketStart,
  compileMapStructure,
  computeKpiSeries,
  countBuckets,
  KpiSpecError,
  kpiBuckets,
  loadJourneyStore,
  placeKpi,
  type KpiSpec,
} from "@opencjm/analytics";
import {
  MAX_KPI_BUCKETS,
  type Kpi,
  type KpiBucket,
  type KpiPoint,
  type KpiSeries,
  type KpiSeriesRequestSchema,
  type SegmentRule,
} from "@opencjm/core";
import type { z } from "zod";
import { DomainError, fieldError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { listKpiValues } from "../store/kpiStore.js";
import { listTouchpointRules } from "../store/touchpointRuleStore.js";
import { kpiMap, kpiProblem, kpiSpecOf } from "./kpiDefiner.js";
import { findPersonas } from "./personaCreator.js";

type SeriesRequest = z.infer<typeof KpiSeriesRequestSchema>;

const DAY = 86_400_000;
/** How far back a series reaches when the request gives no dates: 30 days, 12 weeks or 12 months. */
const DEFAULT_SPAN: Record<KpiBucket, number> = { day: 30 * DAY, week: 12 * 7 * DAY, month: 365 * DAY };
const parseDate = (d: string) => Date.parse(d.length === 10 ? `${d}T00:00:00Z` : d);
const iso = (ms: number) => new Date(ms).toISOString();

/** The persona's segment, refused when the persona is not the workspace's or has none. */
async function personaSegment(services: Services, workspaceId: string, personaId: string): Promise<SegmentRule> {
  const [persona] = await findPersonas(services.db, workspaceId, [personaId]);
  if (!persona)
    throw fieldError("personaId", `no persona "${personaId}" in this workspace`, { detail: "unknown persona" });
  if (!persona.segment)
    throw fieldError("personaId", `persona "${persona.name}" has no segment rule`, { code: "persona_without_segment" });
  return persona.segment;
}

/**
 * The range a series covers: the request's dates, or by default the last 30 days, 12 weeks or 12 months up to the
 * newest event (now, when there are none). Refuses a range that ends before it starts or needs more buckets than a
 * series may have, before anything is computed.
 */
async function seriesRange(services: Services, workspaceId: string, request: SeriesRequest) {
  const { bucket, filters } = request;
  let toMs = filters.to ? parseDate(filters.to) : NaN;
  if (Number.isNaN(toMs)) {
    const store = await loadJourneyStore(await services.analytics.open(workspaceId));
    toMs = Number.isFinite(store.maxTs) && store.eventCount > 0 ? bucketStart(store.maxTs, "day") + DAY : Date.now();
  }
  const fromMs = filters.from ? parseDate(filters.from) : toMs - DEFAULT_SPAN[bucket];
  if (fromMs >= toMs) throw fieldError("filters.to", "must be after filters.from", { code: "invalid_date_range" });
  const count = countBuckets(fromMs, toMs, bucket);
  if (count > MAX_KPI_BUCKETS)
    throw new DomainError({
      kind: "invalid",
      code: "too_many_buckets",
      field: "bucket",
      message: `bucket: ${iso(fromMs).slice(0, 10)} to ${iso(toMs).slice(0, 10)} needs ${count} buckets; a series has at most ${MAX_KPI_BUCKETS}: choose a larger bucket or a shorter range`,
      details: [{ path: "bucket", message: `${count} buckets, at most ${MAX_KPI_BUCKETS}` }],
    });
  return { fromMs, toMs };
}

/** Values entered by hand, bucketed: each bucket shows the latest value dated in it. */
async function manualPoints(services: Services, kpi: Kpi, buckets: Array<{ start: number; end: number }>) {
  const values = await listKpiValues(services.db, kpi.id);
  const points: KpiPoint[] = buckets.map((b) => {
    const inside = values.filter((v) => parseDate(v.date) >= b.start && parseDate(v.date) < b.end);
    return { start: iso(b.start), end: iso(b.end), value: inside.at(-1)?.value ?? null, sample: inside.length };
  });
  return { points, values };
}

/**
 * Computes the series of KPIs that sit on one map (or on the workspace, `mapId` null) in one go: every data KPI of the
 * map from the same engine runs per bucket, under the map's filters (persona or the map's own segment, channels,
 * dates), and manual ones from their values. A KPI the map can no longer answer (its step was deleted) gets a problem
 * instead of points; the others are still computed.
 */
export async function computeKpiSeriesFor(
  services: Services,
  workspaceId: string,
  mapId: string | null,
  kpis: Kpi[],
  request: SeriesRequest,
): Promise<KpiSeries[]> {
  const { fromMs, toMs } = await seriesRange(services, workspaceId, request);
  const { bucket } = request;
  const buckets = kpiBuckets(fromMs, toMs, bucket, MAX_KPI_BUCKETS);
  const problems = new Map<string, { code: string; message: string }>();
  const specs: KpiSpec[] = [];
  const snapshot = mapId ? await kpiMap(services, workspaceId, mapId) : undefined;
  if (snapshot) {
    const structure = compileMapStructure(snapshot);
    for (const kpi of kpis) {
      const spec = kpiSpecOf(kpi);
      if (!spec) continue;
      try {
        placeKpi(spec, snapshot, structure);
        specs.push(spec);
      } catch (err) {
        if (!(err instanceof KpiSpecError)) throw err;
        problems.set(kpi.id, { code: kpiProblem(err).code, message: kpiProblem(err).message });
      }
    }
  }
  const computed = new Map<string, KpiPoint[]>();
  if (snapshot && specs.length) {
    let segment = request.personaId ? await personaSegment(services, workspaceId, request.personaId) : undefined;
    segment ??= snapshot.settings.segment;
    const series = await computeKpiSeries(await services.analytics.open(workspaceId), {
      map: snapshot,
      rules: await listTouchpointRules(services.db, workspaceId),
      kpis: specs,
      request: { filters: { ...request.filters, segment, from: iso(fromMs), to: iso(toMs) } },
      bucket,
      maxBuckets: MAX_KPI_BUCKETS,
    });
    for (const [id, points] of series)
      computed.set(
        id,
        points.map((p) => ({ start: iso(p.start), end: iso(p.end), value: p.value, sample: p.sample })),
      );
  }
  const out: KpiSeries[] = [];
  for (const kpi of kpis) {
    const manual = await manualPoints(services, kpi, buckets);
    out.push({
      kpiId: kpi.id,
      bucket,
      from: iso(fromMs),
      to: iso(toMs),
      points: problems.has(kpi.id) ? [] : (computed.get(kpi.id) ?? manual.points),
      manualValues: manual.values,
      problem: problems.get(kpi.id) ?? null,
    });
  }
  return out;
}
