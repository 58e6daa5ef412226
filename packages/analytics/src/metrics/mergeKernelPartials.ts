import type { VariantRuns, VariantSummary } from "../paths/summarizeVariants.js";
import { countDurationBuckets, DURATION_BUCKETS, type Quantiles } from "./durationQuantiles.js";
import { TOTALS, type KernelPartial } from "./KernelPartial.js";
import { takeBuffer } from "./spareBuffers.js";

const SCALARS = TOTALS;
const COUNTERS = [
  "keyEvents",
  "keyCustomers",
  "activityEvents",
  "activityCustomers",
  "activityTimeMs",
  "activityPositionSum",
  "stepEvents",
  "stepCustomers",
  "stepTimeMs",
  "stepConverted",
  "stepSkipped",
  "stepRevisits",
  "stageCustomers",
  "stageConverted",
  "stageBackSteps",
  "stageBackStepCustomers",
  "stageLoops",
  "stageLoopCustomers",
  "funnelLevels",
  "funnelStages",
  "scoreSum",
  "scoreCount",
  "npsPromoters",
  "npsDetractors",
  "sentimentSum",
  "sentimentCount",
  "sentimentLanguages",
  "nodeEvents",
  "nodeCustomers",
  "nodeStarts",
  "nodeEnds",
  "sankeyNodes",
] as const;

/**
 * A kernel partial as plain data (typed arrays, no class instances), so it crosses a worker-thread boundary by
 * structured clone with its buffers transferred.
 */
export type PartialWire = Record<(typeof SCALARS)[number], number> &
  Record<(typeof COUNTERS)[number], Float64Array> & {
    stepToNext: Float64Array[];
    stageToNext: Float64Array[];
    /** Per duration list (steps, then stages), bucket counts of its durations (DURATION_BUCKETS each) when counted. */
    durationCounts: Uint32Array;
    durationCounted: Uint8Array;
    /** Per duration list, how many durations it holds (also when the durations stay with the thread). */
    durationLengths: Float64Array;
    quoteSentiment: Float64Array;
    quotePosition: Float64Array;
    quoteText: Float64Array;
    edgeFrom: Int32Array;
    edgeTo: Int32Array;
    edgeCount: Float64Array;
    edgeCustomers: Float64Array;
    edgeDurationMs: Float64Array;
    variantH1: Uint32Array;
    variantH2: Uint32Array;
    variantCount: Float64Array;
    variantCustomer: Int32Array;
    sankeyLinkKeys: Float64Array;
    sankeyLinkCounts: Float64Array;
  };

/** Lists shorter than this are counted by the main thread, which reads so few values quickly. */
const COUNT_FROM = 2048;

/**
 * Bucket counts of the partial's long duration lists (see durationQuantiles), counted on the thread that ran the
 * kernel: the main thread then reads each duration once instead of twice, after the threads have finished.
 */
function countDurations(
  lists: readonly Float64Array[],
  countFrom: number,
): { counts: Uint32Array; counted: Uint8Array } {
  const counted = new Uint8Array(lists.length);
  const counts = new Uint32Array(takeBuffer(lists.length * DURATION_BUCKETS * 4), 0, lists.length * DURATION_BUCKETS);
  lists.forEach((list, i) => {
    if (list.length < countFrom) return;
    const mine = counts.subarray(i * DURATION_BUCKETS, (i + 1) * DURATION_BUCKETS);
    mine.fill(0);
    counted[i] = countDurationBuckets(list, mine) ? 1 : 0;
  });
  return { counts, counted };
}

/**
 * Converts a kernel partial into its wire form. With an `exchange`, its path variants are scattered into that shared
 * buffer for the worker threads to summarise together (see variantExchange.ts) and the wire's variants are empty.
 */
export function toWire(p: KernelPartial, exchange?: { buffer: SharedArrayBuffer; bits: number }): PartialWire {
  const wire = {} as PartialWire;
  SCALARS.forEach((s, i) => (wire[s] = p.totals[i]!));
  for (const c of COUNTERS) wire[c] = p[c];
  const edges = p.edges.list();
  const links = p.sankeyLinks.entries();
  const variants = exchange ? emptyRuns() : p.variants.runs();
  if (exchange) p.variants.scatter(exchange.buffer, exchange.bits);
  // Views, not copies: the buffers travel to the main thread, which owns (and may reorder) them from then on. With an
  // exchange (worker threads) the durations stay with the thread, which later copies out only the few values the
  // quantiles need (durationQuantiles' wantedRanges), so every list is counted here.
  const lists = [...p.stepToNext, ...p.stageToNext].map((d) => d.view());
  const steps = p.stepToNext.length;
  const { counts, counted } = countDurations(lists, exchange ? 0 : COUNT_FROM);
  return Object.assign(wire, {
    stepToNext: exchange ? [] : lists.slice(0, steps),
    stageToNext: exchange ? [] : lists.slice(steps),
    durationLengths: Float64Array.from(lists, (list) => list.length),
    durationCounts: counts,
    durationCounted: counted,
    quoteSentiment: p.quoteSentiment,
    quotePosition: p.quotePosition,
    quoteText: p.quoteText,
    edgeFrom: edges.from,
    edgeTo: edges.to,
    edgeCount: edges.count,
    edgeCustomers: edges.customers,
    edgeDurationMs: edges.durationMs,
    variantH1: variants.h1,
    variantH2: variants.h2,
    variantCount: variants.count,
    variantCustomer: variants.customer,
    sankeyLinkKeys: links.keys,
    sankeyLinkCounts: links.counts,
  });
}

function emptyRuns(): VariantRuns {
  return { h1: new Uint32Array(0), h2: new Uint32Array(0), count: new Float64Array(0), customer: new Int32Array(0) };
}

/** The buffers of a wire partial, to transfer rather than copy them to another thread. */
export function wireBuffers(w: PartialWire): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const v of Object.values(w)) {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
    else if (Array.isArray(v))
      for (const a of v as Float64Array[]) if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  }
  return [...out];
}

/** The merged result of all partials: counters added up, durations gathered per step, top quotes, edges and variants combined. */
export interface MergedKernelResult extends Omit<
  PartialWire,
  | "stepToNext"
  | "stageToNext"
  | "durationCounts"
  | "durationCounted"
  | "durationLengths"
  | "edgeFrom"
  | "edgeTo"
  | "edgeCount"
  | "edgeCustomers"
  | "edgeDurationMs"
  | "variantH1"
  | "variantH2"
  | "variantCount"
  | "variantCustomer"
  | "sankeyLinkKeys"
  | "sankeyLinkCounts"
> {
  /** Per step (stage): its times to next from every partial, left in parts (quantiles read them where they are). */
  stepToNext: Float64Array[][];
  stageToNext: Float64Array[][];
  /** Per step (stage) and partial: the bucket counts of its durations, when its thread counted them. */
  stepToNextCounts: Array<Array<Uint32Array | undefined>>;
  stageToNextCounts: Array<Array<Uint32Array | undefined>>;
  edges: Array<{ from: number; to: number; count: number; customers: number; durationMs: number }>;
  /** Per customer range, its variants sorted by hash: left in parts, summarised where read (summarizeVariants). */
  variants: VariantRuns[];
  /**
   * Per duration list (steps, then stages), its quantiles, when worker threads computed them from the few values the
   * quantiles need (then `stepToNext` and `stageToNext` are empty).
   */
  timeToNext?: Quantiles[];
  /** The variants already summarised, when worker threads did it (then `variants` are empty). */
  variantSummary?: VariantSummary;
  sankeyLinks: Map<number, number>;
}

/** Adds up the partials of customer ranges; customers never span two ranges, so distinct counts add up too. */
export function mergeKernelPartials(wires: PartialWire[]): MergedKernelResult {
  const first = wires[0]!;
  const merged = { ...first } as unknown as MergedKernelResult;
  for (const s of SCALARS) merged[s] = wires.reduce((n, w) => n + w[s], 0);
  for (const c of COUNTERS) {
    const sum = new Float64Array(first[c].length);
    for (const w of wires) for (let i = 0; i < sum.length; i++) sum[i]! += w[c][i]!;
    merged[c] = sum;
  }
  merged.stepToNext = first.stepToNext.map((_, s) => wires.map((w) => w.stepToNext[s]!));
  merged.stageToNext = first.stageToNext.map((_, s) => wires.map((w) => w.stageToNext[s]!));
  const countsOf = (list: number) =>
    wires.map((w) =>
      w.durationCounted[list] === 1
        ? w.durationCounts.subarray(list * DURATION_BUCKETS, (list + 1) * DURATION_BUCKETS)
        : undefined,
    );
  const steps = first.stepToNext.length;
  merged.stepToNextCounts = first.stepToNext.map((_, s) => countsOf(s));
  merged.stageToNextCounts = first.stageToNext.map((_, g) => countsOf(steps + g));

  // Quotes: the strongest two per sign and step over all partials, earlier position first on ties, one per text.
  const slots = first.quotePosition.length;
  merged.quoteSentiment = new Float64Array(slots);
  merged.quotePosition = new Float64Array(slots).fill(-1);
  merged.quoteText = new Float64Array(slots);
  for (let base = 0; base < slots; base += 2) {
    const offered: Array<{ s: number; p: number; t: number }> = [];
    for (const w of wires)
      for (const j of [base, base + 1])
        if (w.quotePosition[j]! >= 0)
          offered.push({ s: w.quoteSentiment[j]!, p: w.quotePosition[j]!, t: w.quoteText[j]! });
    offered.sort((a, b) => Math.abs(b.s) - Math.abs(a.s) || a.p - b.p);
    const seen = new Set<number>();
    let j = base;
    for (const q of offered) {
      if (j > base + 1 || seen.has(q.t)) continue;
      seen.add(q.t);
      merged.quoteSentiment[j] = q.s;
      merged.quotePosition[j] = q.p;
      merged.quoteText[j] = q.t;
      j++;
    }
  }

  const edges = new Map<number, { from: number; to: number; count: number; customers: number; durationMs: number }>();
  const nodeCount = first.nodeEvents.length;
  for (const w of wires) {
    for (let e = 0; e < w.edgeFrom.length; e++) {
      const cell = w.edgeFrom[e]! * nodeCount + w.edgeTo[e]!;
      const edge = edges.get(cell) ?? { from: w.edgeFrom[e]!, to: w.edgeTo[e]!, count: 0, customers: 0, durationMs: 0 };
      edge.count += w.edgeCount[e]!;
      edge.customers += w.edgeCustomers[e]!;
      edge.durationMs += w.edgeDurationMs[e]!;
      edges.set(cell, edge);
    }
  }
  merged.edges = [...edges.values()];

  merged.variants = wires.map((w) => ({
    h1: w.variantH1,
    h2: w.variantH2,
    count: w.variantCount,
    customer: w.variantCustomer,
  }));

  merged.sankeyLinks = new Map();
  for (const w of wires)
    for (let i = 0; i < w.sankeyLinkKeys.length; i++)
      merged.sankeyLinks.set(
        w.sankeyLinkKeys[i]!,
        (merged.sankeyLinks.get(w.sankeyLinkKeys[i]!) ?? 0) + w.sankeyLinkCounts[i]!,
      );
  return merged;
}
