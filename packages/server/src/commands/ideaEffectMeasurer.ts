import {
  computeKpiSeries,
  computeKpiWindow,
  loadJourneyStore,
  mannWhitneyTest,
  poissonRateTest,
  twoProportionTest,
  type EffectTest,
  type KpiMeasurement,
  type KpiSpec,
} from "@opencjm/analytics";
import { PROPORTION_MEASURES, type IdeaEffect, type Kpi, type KpiEffect } from "@opencjm/core";
import { conflict } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { getStoredIdea } from "../store/ideaStore.js";
import { findIdeaEffect, findKpi, listKpiValues, saveIdeaEffect } from "../store/kpiStore.js";
import { listTouchpointRules } from "../store/touchpointRuleStore.js";
import { kpiMap, kpiSpecOf } from "./kpiDefiner.js";

const DAY = 86_400_000;
/** Below these a before/after comparison says "not enough data": customers or texts per window, days with a value. */
const MIN_PROPORTION_SAMPLE = 30;
const MIN_COUNT_TOTAL = 10;
const MIN_DAYS = 7;
const MIN_MANUAL_VALUES = 3;
const ALPHA = 0.05;
const iso = (ms: number) => new Date(ms).toISOString();

interface Windows {
  beforeFrom: number;
  shipped: number;
  afterTo: number;
}

type Side = { value: number | null; sample: number };
type Judged = { before: Side; after: Side; test: EffectTest | null; kind: KpiEffect["test"] };

/** Windows of a data KPI: the engine over each whole window, and per day for times and scores (Mann–Whitney). */
async function judgeDataKpi(services: Services, workspaceId: string, kpi: Kpi, spec: KpiSpec, w: Windows) {
  const mapId = kpi.anchor.kind === "workspace" ? "" : kpi.anchor.mapId;
  const map = await kpiMap(services, workspaceId, mapId);
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
    return { before: side(before), after: side(after), test, kind: "twoProportionZ" } satisfies Judged;
  }
  if (measure === "reach") {
    const enough = before.sample + after.sample >= MIN_COUNT_TOTAL;
    const test = enough ? poissonRateTest(before.sample, after.sample) : null;
    return { before: side(before), after: side(after), test, kind: "poissonRate" } satisfies Judged;
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
  return {
    before: { value: before.value, sample: daysBefore.length },
    after: { value: after.value, sample: daysAfter.length },
    test,
    kind: "mannWhitney",
  } satisfies Judged;
}

/** Values entered by hand in each window: their means, compared with Mann–Whitney. */
async function judgeManualKpi(services: Services, kpi: Kpi, w: Windows): Promise<Judged> {
  const values = await listKpiValues(services.db, kpi.id);
  const within = (from: number, to: number) =>
    values
      .filter((v) => Date.parse(`${v.date}T00:00:00Z`) >= from && Date.parse(`${v.date}T00:00:00Z`) < to)
      .map((v) => v.value);
  const b = within(w.beforeFrom, w.shipped);
  const a = within(w.shipped, w.afterTo);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  const enough = b.length >= MIN_MANUAL_VALUES && a.length >= MIN_MANUAL_VALUES;
  return {
    before: { value: mean(b), sample: b.length },
    after: { value: mean(a), sample: a.length },
    test: enough ? mannWhitneyTest(b, a) : null,
    kind: "mannWhitney",
  };
}

/** The verdict: beyond noise (p below 5%) in the KPI's good direction is improved, in the other worse. */
function verdictOf(kpi: Kpi, judged: Judged, ready: boolean): KpiEffect["verdict"] {
  if (!ready || !judged.test) return "notEnoughData";
  if (judged.test.pValue >= ALPHA) return "noChange";
  const up = judged.test.change > 0;
  return up === (kpi.direction === "higher") ? "improved" : "worse";
}

/**
 * The measured effect of a shipped idea on its KPIs (PRODUCT.md §4.7): each KPI over the `trialDays` before the ship
 * date and the `trialDays` after it, the change with its 95% interval and an honest verdict. Shares (conversion,
 * drop-off, negative feedback) are compared with a two-proportion z-test over the customers or texts of each window,
 * reach with a rate test for two counts over windows of equal length, times and scores with Mann–Whitney over their
 * daily values, values entered by hand with Mann–Whitney over the values. Until the trial period has passed every
 * KPI says "not enough data". An idea marked measured answers with the result recorded then.
 */
export async function measureIdeaEffect(
  services: Services,
  workspaceId: string,
  ideaId: string,
  trialDays: number,
  now = Date.now(),
): Promise<IdeaEffect> {
  const idea = await getStoredIdea(services.db, workspaceId, ideaId);
  if (idea.status === "measured") {
    const recorded = await findIdeaEffect(services.db, workspaceId, ideaId);
    if (recorded) return recorded;
  }
  const shipped = idea.shippedAt ? Date.parse(idea.shippedAt) : NaN;
  const kpis: Kpi[] = [];
  for (const id of idea.kpiIds) {
    try {
      kpis.push(await findKpi(services.db, workspaceId, id));
    } catch {
      // A KPI deleted since it was linked has nothing left to measure.
    }
  }
  const empty = { from: "", to: "", value: null, sample: 0 };
  if (Number.isNaN(shipped))
    return {
      ideaId,
      shippedAt: null,
      trialDays,
      ready: false,
      readyOn: null,
      kpis: kpis.map((k) => ({
        kpiId: k.id,
        name: k.name,
        measure: k.source.kind === "data" ? k.source.measure : null,
        direction: k.direction,
        before: empty,
        after: empty,
        change: null,
        interval: null,
        pValue: null,
        test: null,
        verdict: "notEnoughData",
      })),
      caveats: [],
      recordedAt: null,
    };
  const w: Windows = { beforeFrom: shipped - trialDays * DAY, shipped, afterTo: shipped + trialDays * DAY };
  const ready = now >= w.afterTo;
  const effects: KpiEffect[] = [];
  for (const kpi of kpis) {
    const spec = kpiSpecOf(kpi);
    const judged = spec
      ? await judgeDataKpi(services, workspaceId, kpi, spec, w)
      : await judgeManualKpi(services, kpi, w);
    const verdict = verdictOf(kpi, judged, ready);
    const { before, after, test } = judged;
    effects.push({
      kpiId: kpi.id,
      name: kpi.name,
      measure: kpi.source.kind === "data" ? kpi.source.measure : null,
      direction: kpi.direction,
      before: { from: iso(w.beforeFrom), to: iso(w.shipped), ...before },
      after: { from: iso(w.shipped), to: iso(w.afterTo), ...after },
      change: before.value !== null && after.value !== null ? after.value - before.value : null,
      interval: test && ready ? test.interval : null,
      pValue: test && ready ? test.pValue : null,
      test: judged.kind,
      verdict,
    });
  }
  const caveats: IdeaEffect["caveats"] = [];
  if (trialDays % 7 !== 0) caveats.push("weekdayMix");
  if (kpis.some((k) => kpiSpecOf(k))) {
    const store = await loadJourneyStore(await services.analytics.open(workspaceId));
    if (store.eventCount === 0 || store.minTs > w.beforeFrom) caveats.push("dataStartsLate");
    if (ready && (store.eventCount === 0 || store.maxTs < w.afterTo - DAY)) caveats.push("dataEndsEarly");
  }
  return {
    ideaId,
    shippedAt: iso(shipped),
    trialDays,
    ready,
    readyOn: iso(w.afterTo),
    kpis: effects,
    caveats,
    recordedAt: null,
  };
}

/** Computes the effect and keeps it with the idea (when it is marked measured); refused before the trial is over. */
export async function recordIdeaEffect(
  services: Services,
  workspaceId: string,
  ideaId: string,
  trialDays: number,
): Promise<IdeaEffect> {
  const idea = await getStoredIdea(services.db, workspaceId, ideaId);
  if (idea.status !== "shipped" && idea.status !== "measured")
    throw conflict("idea_not_shipped", "only a shipped idea's effect can be measured");
  const effect = await measureIdeaEffect(services, workspaceId, ideaId, trialDays);
  if (effect.recordedAt) return effect;
  if (!effect.ready)
    throw conflict("trial_not_over", `the trial period of ${trialDays} days ends on ${effect.readyOn?.slice(0, 10)}`);
  const recorded = { ...effect, recordedAt: new Date().toISOString() };
  await saveIdeaEffect(services.db, workspaceId, recorded);
  return recorded;
}
