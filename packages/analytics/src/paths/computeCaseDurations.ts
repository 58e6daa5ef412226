import type { CaseDurations } from "@opencjm/core";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { durationQuantiles } from "../metrics/durationQuantiles.js";
import { forEachJourney } from "./forEachJourney.js";
import { prepareJourneyScan, type JourneyScanInput } from "./prepareJourneyScan.js";

interface VariantCases {
  nodes: number[];
  firstCustomer: number;
  durations: number[];
}

/**
 * Case durations (first to last event in scope of each customer's journey) overall and per path variant, for process
 * analysts: the `topPaths` variants with most cases, each with its cases and their throughput time. Variants are the
 * paths' (nodes with consecutive repeats collapsed), ranked as the metrics rank them (ties: the variant whose first
 * customer comes first in the store). Semantics: packages/analytics/README.md ("Case durations").
 */
export async function computeCaseDurations(db: EventDatabase, input: JourneyScanInput): Promise<CaseDurations> {
  const { plan, labels, columns, request } = await prepareJourneyScan(db, input);
  const all: number[] = [];
  const byPath = new Map<string, VariantCases>();
  const nodes: number[] = [];
  forEachJourney(columns, plan, (journey) => {
    all.push(journey.times[journey.length - 1]! - journey.times[0]!);
    nodes.length = 0;
    for (let i = 0; i < journey.length; i++) {
      const node = plan.nodeOfActivity[journey.activities[i]!]!;
      if (node >= 0 && node !== nodes.at(-1)) nodes.push(node);
    }
    if (nodes.length === 0) return;
    const key = nodes.join(",");
    let variant = byPath.get(key);
    if (!variant) {
      variant = { nodes: [...nodes], firstCustomer: journey.customer, durations: [] };
      byPath.set(key, variant);
    }
    variant.durations.push(all.at(-1)!);
  });
  const withPath = [...byPath.values()].reduce((n, v) => n + v.durations.length, 0);
  const top = [...byPath.values()]
    .sort((a, b) => b.durations.length - a.durations.length || a.firstCustomer - b.firstCustomer)
    .slice(0, request.options.topPaths);
  return {
    conversionWindowHours: request.options.conversionWindowHours,
    cases: durationQuantiles(Float64Array.from(all), true),
    variants: top.map((v) => ({
      nodes: v.nodes.map((n) => labels.nodeIds[n]!),
      customers: v.durations.length,
      share: withPath > 0 ? v.durations.length / withPath : null,
      duration: durationQuantiles(Float64Array.from(v.durations), true),
    })),
  };
}
