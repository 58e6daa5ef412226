/**
 * The numbers both the engine and the SQL oracle produce, in one canonical shape so tests (and the benchmark) can
 * compare them: lists sorted, sums rounded to 9 significant digits (float addition order differs between the two).
 */
export interface MetricsDigest {
  totals: { customers: number; events: number; unmappedEvents: number; unmappedCustomers: number };
  steps: Array<{
    customers: number;
    events: number;
    converted: number | null;
    medianMs: number | null;
    p90Ms: number | null;
    timeMs: number;
    /** Sum and count of CSAT, NPS and CES scores, then the Net Promoter Score. */
    scores: number[];
    sentimentCount: number;
    sentimentSum: number;
    languages: Record<string, number>;
    quotes: Array<[string, number, number]>;
    skipped: number;
    revisits: number;
  }>;
  stages: Array<{ customers: number; converted: number | null; medianMs: number | null; p90Ms: number | null; backSteps: number; backStepCustomers: number; loops: number; loopCustomers: number }>;
  funnelSteps: number[];
  funnelStages: number[];
  sessions: { count: number; durationMs: number; events: number };
  nodes: Array<{ node: string; events: number; customers: number; starts: number; ends: number }>;
  edges: Array<{ from: string; to: string; count: number; customers: number; durationMs: number }>;
  variantCount: number;
  variants: Record<string, number>;
  sankeyNodes: Record<string, number>;
  sankeyLinks: Record<string, number>;
  conformance: { customers: number; conforming: number; withSkips: number; withBackSteps: number; withLoops: number };
  unmapped: Array<{ eventName: string; channel: string | null; events: number; customers: number }>;
  touchpoints: Array<{ touchpointId: string; events: number; customers: number; timeMs: number }>;
}

/** Rounds to 9 significant digits, so sums added in different orders compare equal. */
export function round9(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(9));
}
