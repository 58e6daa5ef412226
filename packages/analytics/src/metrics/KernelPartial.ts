import { EdgeTable } from "../paths/EdgeTable.js";
import { SankeyTable } from "../paths/SankeyTable.js";
import { VariantLog } from "./VariantLog.js";
import { SENTIMENT_LANGUAGES } from "../sentiment/detectTextLanguage.js";
import { createDurationLists, type DurationList } from "./DurationList.js";
import type { KernelPlan } from "./KernelPlan.js";

/** Slots of representative quotes kept per step: two most negative, then two most positive. */
export const QUOTE_SLOTS = 4;
export const LANGUAGE_COUNT = SENTIMENT_LANGUAGES.length;

/** The totals of a partial, in the order they sit in its `totals` array. */
export const TOTALS = [
  "customers",
  "events",
  "unmappedCustomers",
  "sessions",
  "sessionDurationMs",
  "sessionEvents",
  "mapCustomers",
  "conforming",
  "withSkips",
  "withBackSteps",
  "withLoops",
] as const;
/** Index of each total in a partial's `totals` array. */
export const TOTAL = Object.fromEntries(TOTALS.map((name, i) => [name, i])) as Record<(typeof TOTALS)[number], number>;

/**
 * The additive counters one kernel pass fills over a range of customers; partial results of several ranges (worker
 * threads) are merged by adding them (see mergeKernelPartials).
 */
export function createKernelPartial(plan: KernelPlan, keyCount: number, customers = 1024) {
  const { stepCount: S, stageCount: G, levelCount: L, activityCount: A, nodeCount: N } = plan;
  const durations: DurationList[] = createDurationLists(S + G, customers);
  return {
    /**
     * The totals named in TOTALS. A typed array rather than fields: a field that starts as a small integer and is
     * later given a larger number changes the object's hidden class, and the kernel's optimised code, compiled for
     * the old one, was thrown away at every chunk of the next run.
     */
    totals: new Float64Array(TOTALS.length),
    keyEvents: new Float64Array(keyCount),
    keyCustomers: new Float64Array(keyCount),
    activityEvents: new Float64Array(A),
    activityCustomers: new Float64Array(A),
    activityTimeMs: new Float64Array(A),
    /** Sum over customers of the activity's first position in their collapsed activity sequence, scaled to 0…1. */
    activityPositionSum: new Float64Array(A),
    stepEvents: new Float64Array(S),
    stepCustomers: new Float64Array(S),
    stepTimeMs: new Float64Array(S),
    stepConverted: new Float64Array(S),
    stepSkipped: new Float64Array(S),
    stepRevisits: new Float64Array(S),
    stepToNext: durations.slice(0, S),
    stageCustomers: new Float64Array(G),
    stageConverted: new Float64Array(G),
    stageToNext: durations.slice(S),
    stageBackSteps: new Float64Array(G),
    stageBackStepCustomers: new Float64Array(G),
    stageLoops: new Float64Array(G),
    stageLoopCustomers: new Float64Array(G),
    funnelLevels: new Float64Array(L),
    funnelStages: new Float64Array(G),
    /** Per step × kind (csat, nps, ces): sum and count of scores; NPS promoters (9–10) and detractors (0–6). */
    scoreSum: new Float64Array(S * 3),
    scoreCount: new Float64Array(S * 3),
    npsPromoters: new Float64Array(S),
    npsDetractors: new Float64Array(S),
    sentimentSum: new Float64Array(S),
    sentimentCount: new Float64Array(S),
    sentimentLanguages: new Float64Array(S * LANGUAGE_COUNT),
    /** Per step × slot: sentiment, store position and text id of a quote (position -1: empty slot). */
    quoteSentiment: new Float64Array(S * QUOTE_SLOTS),
    quotePosition: new Float64Array(S * QUOTE_SLOTS).fill(-1),
    quoteText: new Float64Array(S * QUOTE_SLOTS),
    nodeEvents: new Float64Array(N),
    nodeCustomers: new Float64Array(N),
    nodeStarts: new Float64Array(N),
    nodeEnds: new Float64Array(N),
    edges: new EdgeTable(N),
    variants: new VariantLog(customers),
    /** Customers at (depth, node) and transitions (depth, from, to) over the first sankeyDepth transitions. */
    sankeyNodes: new Float64Array((plan.sankeyDepth + 1) * N),
    sankeyLinks: new SankeyTable(N, plan.sankeyDepth),
  };
}
export type KernelPartial = ReturnType<typeof createKernelPartial>;
