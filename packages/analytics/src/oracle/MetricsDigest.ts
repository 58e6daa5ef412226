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
  stages: Array<{
    customers: number;
    converted: number | null;
    medianMs: number | null;
    p90Ms: number | null;
    backSteps: number;
    backStepCustomers: number;
    loops: number;
    loopCustomers: number;
  }>;
  funnelSteps: number[];
  funnelStages: number[];
  sessions: { count: number; durationMs: number; events: number };
  nodes: Array<{ node: string; events: number; customers: number; starts: number; ends: number }>;
  edges: Array<{ from: string; to: string; count: number; customers: number; durationMs: number }>;
  variantCount: number;
  /** Customers per path (the engine lists only its top paths; the oracle lists every path). */
  variants: Record<string, number>;
  /** Customers on paths not listed (0 for the oracle, which lists all; the fast SQL lists only the top paths). */
  variantOthers: number;
  sankeyNodes: Record<string, number>;
  /** Customers per link (the engine lists only the most travelled links; the oracle lists every link). */
  sankeyLinks: Record<string, number>;
  /** Links not listed (0 for the oracle). */
  sankeyLinksOmitted: number;
  conformance: { customers: number; conforming: number; withSkips: number; withBackSteps: number; withLoops: number };
  unmapped: Array<{ eventName: string; channel: string | null; events: number; customers: number }>;
  touchpoints: Array<{ touchpointId: string; events: number; customers: number; timeMs: number }>;
}

/** Rounds to 9 significant digits, so sums added in different orders compare equal. */
export function round9(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(9));
}

/** JSON with object keys sorted, so records compare by content rather than key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

/**
 * Compares the engine's digest with the oracle's and lists the differences (empty when they agree). Top lists
 * (variants, Sankey links) agree when every listed entry has the oracle's count, no unlisted entry is more frequent
 * than a listed one, and the unlisted rest adds up.
 */
export function compareDigests(engine: MetricsDigest, oracle: MetricsDigest): string[] {
  const out: string[] = [];
  for (const key of Object.keys(oracle) as Array<keyof MetricsDigest>) {
    if (["variants", "variantOthers", "sankeyLinks", "sankeyLinksOmitted"].includes(key)) continue;
    if (canonical(engine[key]) !== canonical(oracle[key]))
      out.push(`${key}: engine ${canonical(engine[key]).slice(0, 300)} vs SQL ${canonical(oracle[key]).slice(0, 300)}`);
  }
  const topList = (
    name: string,
    listed: Record<string, number>,
    all: Record<string, number>,
    rest: number,
    restOf: (unlisted: Array<[string, number]>) => number,
  ) => {
    for (const [k, n] of Object.entries(listed))
      if (all[k] !== n) out.push(`${name} ${k}: engine ${n} vs SQL ${all[k]}`);
    const unlisted = Object.entries(all).filter(([k]) => !(k in listed));
    const smallest = Math.min(...Object.values(listed));
    if (unlisted.some(([, n]) => n > smallest))
      out.push(`${name}: an unlisted entry is more frequent than a listed one`);
    if (restOf(unlisted) !== rest) out.push(`${name}: engine leaves out ${rest}, SQL ${restOf(unlisted)}`);
  };
  // The SQL side may list only its top paths too: the customers it leaves out belong to the engine's rest as well.
  topList(
    "variants",
    engine.variants,
    oracle.variants,
    engine.variantOthers,
    (u) => u.reduce((n, [, c]) => n + c, 0) + oracle.variantOthers,
  );
  topList("sankeyLinks", engine.sankeyLinks, oracle.sankeyLinks, engine.sankeyLinksOmitted, (u) => u.length);
  return out;
}
