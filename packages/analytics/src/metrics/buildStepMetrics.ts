import type { EmotionScale, MapMetrics } from "@opencjm/core";
import { SENTIMENT_LANGUAGES } from "../sentiment/detectTextLanguage.js";
import type { JourneyStore } from "../store/JourneyStore.js";
import type { MapStructure } from "./compileMapStructure.js";
import { durationQuantiles } from "./durationQuantiles.js";
import { LANGUAGE_COUNT, QUOTE_SLOTS } from "./KernelPartial.js";
import type { MergedKernelResult } from "./mergeKernelPartials.js";

type Scores = MapMetrics["steps"][number]["scores"];
type Emotion = MapMetrics["steps"][number]["emotion"];

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
/** Each score kind's mean on 0…1: CSAT 1–5, NPS 0–10, CES 1–7 (low effort is good). */
const NORMALISE = [(x: number) => (x - 1) / 4, (x: number) => x / 10, (x: number) => (7 - x) / 6] as const;

function scoresOf(sum: number[], count: number[], promoters: number, detractors: number): Scores {
  const mean = (k: number) => (count[k]! > 0 ? sum[k]! / count[k]! : null);
  return {
    csat: { count: count[0]!, mean: mean(0) },
    nps: {
      count: count[1]!,
      mean: mean(1),
      score: count[1]! > 0 ? (100 * (promoters - detractors)) / count[1]! : null,
    },
    ces: { count: count[2]!, mean: mean(2) },
  };
}

/**
 * The emotion on the map's scale: from scores when there are any (each kind's mean brought to 0…1, weighted by its
 * count), otherwise from the mean sentiment of texts ((s + 1) / 2), otherwise unknown.
 */
export function emotionOf(
  sum: number[],
  count: number[],
  sentimentSum: number,
  sentimentCount: number,
  scale: EmotionScale,
): Emotion {
  const total = count[0]! + count[1]! + count[2]!;
  let unit: number | undefined;
  let source: Emotion["source"] = null;
  if (total > 0) {
    unit = 0;
    for (let k = 0; k < 3; k++) if (count[k]! > 0) unit += count[k]! * clamp01(NORMALISE[k]!(sum[k]! / count[k]!));
    unit /= total;
    source = "scores";
  } else if (sentimentCount > 0) {
    unit = (sentimentSum / sentimentCount + 1) / 2;
    source = "sentiment";
  }
  return { value: unit === undefined ? null : scale.min + (scale.max - scale.min) * unit, source };
}

function languagesOf(counts: Float64Array, base: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let l = 0; l < LANGUAGE_COUNT; l++) if (counts[base + l]! > 0) out[SENTIMENT_LANGUAGES[l]!] = counts[base + l]!;
  return out;
}

/** Per-step and per-stage metrics and the funnels, from the merged kernel counters. */
export function buildStepMetrics(
  r: MergedKernelResult,
  structure: MapStructure,
  store: JourneyStore,
  scale: EmotionScale,
): Pick<MapMetrics, "steps" | "stages" | "funnel"> {
  const { steps: planned, stages: plannedStages, levelStart } = structure;
  const total = r.customers;
  const texts = planned.some(
    (_, s) => r.quotePosition[s * QUOTE_SLOTS]! >= 0 || r.quotePosition[s * QUOTE_SLOTS + 2]! >= 0,
  )
    ? store.texts()
    : [];
  const levelIds = (level: number) => planned.slice(levelStart[level], levelStart[level + 1]).map((s) => s.id);
  const scoreSlice = (s: number) => [0, 1, 2].map((k) => r.scoreSum[s * 3 + k]!);
  const countSlice = (s: number) => [0, 1, 2].map((k) => r.scoreCount[s * 3 + k]!);

  const steps: MapMetrics["steps"] = planned.map((step, s) => {
    const customers = r.stepCustomers[s]!;
    const hasNext = step.level + 1 < structure.levelCount;
    const converted = r.stepConverted[s]!;
    const quotes: MapMetrics["steps"][number]["sentiment"]["quotes"] = [];
    for (let q = 0; q < QUOTE_SLOTS; q++) {
      const pos = r.quotePosition[s * QUOTE_SLOTS + q]!;
      if (pos < 0) continue;
      const id = r.quoteText[s * QUOTE_SLOTS + q]!;
      quotes.push({
        text: texts[id]!,
        language: SENTIMENT_LANGUAGES[store.textLanguage[id]!]!,
        sentiment: r.quoteSentiment[s * QUOTE_SLOTS + q]!,
        at: new Date(store.ts[pos]!).toISOString(),
      });
    }
    return {
      stepId: step.id,
      stageId: step.stageId,
      name: step.name,
      level: step.level,
      touchpointIds: step.touchpointIds,
      customers,
      events: r.stepEvents[s]!,
      share: ratio(customers, total),
      conversion: hasNext
        ? {
            nextIds: levelIds(step.level + 1),
            converted,
            rate: ratio(converted, customers),
            dropOff: customers - converted,
            dropOffRate: ratio(customers - converted, customers),
            timeToNext: r.timeToNext?.[s] ?? durationQuantiles(r.stepToNext[s]!, true, r.stepToNextCounts[s]),
          }
        : null,
      timeSpent: { totalMs: r.stepTimeMs[s]!, perCustomerMs: ratio(r.stepTimeMs[s]!, customers) },
      scores: scoresOf(scoreSlice(s), countSlice(s), r.npsPromoters[s]!, r.npsDetractors[s]!),
      emotion: emotionOf(scoreSlice(s), countSlice(s), r.sentimentSum[s]!, r.sentimentCount[s]!, scale),
      sentiment: {
        count: r.sentimentCount[s]!,
        mean: ratio(r.sentimentSum[s]!, r.sentimentCount[s]!),
        languages: languagesOf(r.sentimentLanguages, s * LANGUAGE_COUNT),
        quotes,
      },
      skipped: r.stepSkipped[s]!,
      revisits: r.stepRevisits[s]!,
    };
  });

  const stages: MapMetrics["stages"] = plannedStages.map((stage, g) => {
    const mine = planned.flatMap((p, s) => (p.stage === g ? [s] : []));
    const add = (f: (s: number) => number) => mine.reduce((n, s) => n + f(s), 0);
    const sum = [0, 1, 2].map((k) => add((s) => r.scoreSum[s * 3 + k]!));
    const count = [0, 1, 2].map((k) => add((s) => r.scoreCount[s * 3 + k]!));
    const languages = new Float64Array(LANGUAGE_COUNT);
    for (const s of mine)
      for (let l = 0; l < LANGUAGE_COUNT; l++) languages[l]! += r.sentimentLanguages[s * LANGUAGE_COUNT + l]!;
    const customers = r.stageCustomers[g]!;
    const converted = r.stageConverted[g]!;
    const time = add((s) => r.stepTimeMs[s]!);
    const sentimentSum = add((s) => r.sentimentSum[s]!);
    const sentimentCount = add((s) => r.sentimentCount[s]!);
    return {
      stageId: stage.id,
      name: stage.name,
      customers,
      events: add((s) => r.stepEvents[s]!),
      share: ratio(customers, total),
      conversion:
        g + 1 < plannedStages.length
          ? {
              nextIds: [plannedStages[g + 1]!.id],
              converted,
              rate: ratio(converted, customers),
              dropOff: customers - converted,
              dropOffRate: ratio(customers - converted, customers),
              timeToNext:
                r.timeToNext?.[structure.steps.length + g] ??
                durationQuantiles(r.stageToNext[g]!, true, r.stageToNextCounts[g]),
            }
          : null,
      timeSpent: { totalMs: time, perCustomerMs: ratio(time, customers) },
      scores: scoresOf(
        sum,
        count,
        add((s) => r.npsPromoters[s]!),
        add((s) => r.npsDetractors[s]!),
      ),
      emotion: emotionOf(sum, count, sentimentSum, sentimentCount, scale),
      sentiment: {
        count: sentimentCount,
        mean: ratio(sentimentSum, sentimentCount),
        languages: languagesOf(languages, 0),
      },
      backSteps: r.stageBackSteps[g]!,
      backStepCustomers: r.stageBackStepCustomers[g]!,
      loops: r.stageLoops[g]!,
      loopCustomers: r.stageLoopCustomers[g]!,
    };
  });

  const entered = r.funnelLevels[0] ?? 0;
  const enteredStages = r.funnelStages[0] ?? 0;
  return {
    steps,
    stages,
    funnel: {
      steps: Array.from({ length: structure.levelCount }, (_, l) => ({
        level: l,
        stepIds: levelIds(l),
        customers: r.funnelLevels[l]!,
        rate: ratio(r.funnelLevels[l]!, entered),
      })),
      stages: plannedStages.map((stage, g) => ({
        stageId: stage.id,
        customers: r.funnelStages[g]!,
        rate: ratio(r.funnelStages[g]!, enteredStages),
      })),
    },
  };
}
