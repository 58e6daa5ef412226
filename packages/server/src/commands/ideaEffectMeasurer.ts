import { loadJourneyStore } from "@opencjm/analytics";
import type { IdeaEffect, Kpi, KpiEffect } from "@opencjm/core";
import { conflict } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { getStoredIdea } from "../store/ideaStore.js";
import { findIdeaEffect, findKpi, saveIdeaEffect } from "../store/kpiStore.js";
import { wordIdeaEffect } from "./ideaEffectWording.js";
import { kpiSpecOf } from "./kpiDefiner.js";
import { judgeDataKpi, judgeManualKpi, type Judged, type Windows } from "./kpiWindowJudge.js";

const DAY = 86_400_000;
const ALPHA = 0.05;
const iso = (ms: number) => new Date(ms).toISOString();

/** The days compared before the ship date and after it (the trial period). */
export interface EffectWindowDays {
  beforeDays: number;
  afterDays: number;
}

/** The verdict: beyond noise (p below 5%) in the KPI's good direction is improved, in the other worse. */
function verdictOf(kpi: Kpi, judged: Judged, ready: boolean): KpiEffect["verdict"] {
  if (!ready || !judged.test) return "notEnoughData";
  if (judged.test.pValue >= ALPHA) return "noChange";
  const up = judged.test.change > 0;
  return up === (kpi.direction === "higher") ? "improved" : "worse";
}

/** Windows that mix weekdays differently (not whole weeks) or differ in length. */
function windowCaveats({ beforeDays, afterDays }: EffectWindowDays): IdeaEffect["caveats"] {
  const caveats: IdeaEffect["caveats"] = [];
  if (beforeDays % 7 !== 0 || afterDays % 7 !== 0) caveats.push("weekdayMix");
  if (beforeDays !== afterDays) caveats.push("windowsDiffer");
  return caveats;
}

/** Data that does not cover the windows: none at all, starting late or ending early, or not around the ship date. */
async function coverageCaveats(services: Services, workspaceId: string, w: Windows, ready: boolean) {
  const caveats: IdeaEffect["caveats"] = [];
  const store = await loadJourneyStore(await services.analytics.open(workspaceId));
  if (store.eventCount === 0) return { caveats: ["noEvents" as const], dataFrom: null, dataTo: null };
  if (store.minTs > w.beforeFrom) caveats.push("dataStartsLate");
  if (w.shipped < store.minTs) caveats.push("shipDateBeforeData");
  if (w.shipped > store.maxTs) caveats.push("shipDateAfterData");
  if (ready && store.maxTs < w.afterTo - DAY) caveats.push("dataEndsEarly");
  return { caveats, dataFrom: iso(store.minTs), dataTo: iso(store.maxTs) };
}

/**
 * The measured effect of a shipped idea on its KPIs (PRODUCT.md §4.7): each KPI over the `beforeDays` before the ship
 * date and the `afterDays` after it (a number: the trial period for both), the change with its 95% interval and an
 * honest verdict. Shares (conversion, drop-off, negative feedback) are compared with a two-proportion z-test over the
 * customers or texts of each window, reach with a rate test for two counts over windows of equal length (per day with
 * Mann–Whitney otherwise), times and scores with Mann–Whitney over their daily values, values entered by hand with
 * Mann–Whitney over the values. Until the trial period has passed every KPI says "not enough data"; a KPI whose step,
 * stage or map is gone says why, and the others are still measured. An idea marked measured answers with the result
 * recorded then. Caveats are worded in English (wordIdeaEffect words them for the reader).
 */
export async function measureIdeaEffect(
  services: Services,
  workspaceId: string,
  ideaId: string,
  days: number | EffectWindowDays,
  now = Date.now(),
): Promise<IdeaEffect> {
  const { beforeDays, afterDays } = typeof days === "number" ? { beforeDays: days, afterDays: days } : days;
  const idea = await getStoredIdea(services.db, workspaceId, ideaId);
  if (idea.status === "measured") {
    const recorded = await findIdeaEffect(services.db, workspaceId, ideaId);
    if (recorded) return wordIdeaEffect(recorded, "en");
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
  const base = { ideaId, trialDays: afterDays, beforeDays, afterDays, recordedAt: null };
  const empty = { from: "", to: "", value: null, sample: 0 };
  if (Number.isNaN(shipped))
    return wordIdeaEffect(
      {
        ...base,
        shippedAt: null,
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
          problem: null,
        })),
        caveats: [],
        caveatMessages: [],
        dataFrom: null,
        dataTo: null,
      },
      "en",
    );
  const w: Windows = { beforeFrom: shipped - beforeDays * DAY, shipped, afterTo: shipped + afterDays * DAY };
  const ready = now >= w.afterTo;
  const effects: KpiEffect[] = [];
  for (const kpi of kpis) {
    const spec = kpiSpecOf(kpi);
    const judged = spec
      ? await judgeDataKpi(services, workspaceId, kpi, spec, w)
      : await judgeManualKpi(services, kpi, w);
    const verdict = verdictOf(kpi, judged, ready);
    const { before, after, test, problem } = judged;
    effects.push({
      kpiId: kpi.id,
      name: kpi.name,
      measure: kpi.source.kind === "data" ? kpi.source.measure : null,
      direction: kpi.direction,
      before: { from: iso(w.beforeFrom), to: iso(w.shipped), ...before },
      after: { from: iso(w.shipped), to: iso(w.afterTo), ...after },
      // The test's estimate, the quantity its interval and verdict are about: for times and scores the Hodges–Lehmann
      // shift of the daily values, not the difference of the two windows' values. Without a test, that difference.
      change: test ? test.change : before.value !== null && after.value !== null ? after.value - before.value : null,
      interval: test && ready ? test.interval : null,
      pValue: test && ready ? test.pValue : null,
      test: judged.kind,
      verdict,
      problem,
    });
  }
  const coverage = kpis.some((k) => kpiSpecOf(k))
    ? await coverageCaveats(services, workspaceId, w, ready)
    : { caveats: [], dataFrom: null, dataTo: null };
  const caveats = [...windowCaveats({ beforeDays, afterDays }), ...coverage.caveats];
  const { dataFrom, dataTo } = coverage;
  const effect = { ...base, shippedAt: iso(shipped), ready, readyOn: iso(w.afterTo), kpis: effects, caveats };
  return wordIdeaEffect({ ...effect, caveatMessages: [], dataFrom, dataTo }, "en");
}

/** Computes the effect and keeps it with the idea (when it is marked measured); refused before the trial is over. */
export async function recordIdeaEffect(
  services: Services,
  workspaceId: string,
  ideaId: string,
  days: EffectWindowDays,
): Promise<IdeaEffect> {
  const idea = await getStoredIdea(services.db, workspaceId, ideaId);
  if (idea.status !== "shipped" && idea.status !== "measured")
    throw conflict("idea_not_shipped", "only a shipped idea's effect can be measured");
  const effect = await measureIdeaEffect(services, workspaceId, ideaId, days);
  if (effect.recordedAt) return effect;
  if (!effect.ready)
    throw conflict(
      "trial_not_over",
      `the trial period of ${days.afterDays} days ends on ${effect.readyOn?.slice(0, 10)}`,
    );
  const recorded = { ...effect, recordedAt: new Date().toISOString() };
  await saveIdeaEffect(services.db, workspaceId, recorded);
  return recorded;
}
