import type { ActivityRow } from "./activities/getActivities.js";
import type { ConformanceSummaryRow } from "./conformance/getConformanceSummary.js";
import type { DeviationRow } from "./conformance/getDeviations.js";
import type { OracleInput } from "./mapped/createMappedEvents.js";
import { round9, type MetricsDigest } from "./MetricsDigest.js";
import type { EdgeRow } from "./paths/getDirectlyFollows.js";
import type { PathNodeRow } from "./paths/getPathNodes.js";
import type { SankeyRow } from "./paths/getSankey.js";
import type { VariantRow } from "./paths/getVariants.js";
import type { ConversionRow } from "./steps/getConversion.js";
import type { FunnelRow } from "./steps/getFunnel.js";
import type { QuoteRow } from "./steps/getQuotes.js";
import type { ReachRow } from "./steps/getReach.js";
import type { ScoreRow } from "./steps/getScores.js";
import type { SentimentRow } from "./steps/getSentiment.js";
import type { SessionsRow } from "./steps/getSessions.js";
import type { TimeSpentRow } from "./steps/getTimeSpent.js";
import type { UnmappedRow } from "./unmapped/getUnmappedEvents.js";

const KINDS = ["csat", "nps", "ces"] as const;

/** Net Promoter Score: % promoters − % detractors (0 when there are no NPS answers). */
function npsScore(row: { count: number; promoters: number; detractors: number } | undefined): number {
  return row && row.count > 0 ? round9((100 * (row.promoters - row.detractors)) / row.count) : 0;
}

/** The rows of every SQL query the digest is made of (the oracle's, or the fast SQL baseline's). */
export interface OracleRows {
  totals: { customers: number; events: number };
  reach: ReachRow[];
  stepConversion: ConversionRow[];
  stageConversion: ConversionRow[];
  funnelSteps: FunnelRow[];
  funnelStages: FunnelRow[];
  time: TimeSpentRow[];
  sessions: SessionsRow;
  scores: ScoreRow[];
  sentiment: SentimentRow[];
  quotes: QuoteRow[];
  nodes: PathNodeRow[];
  edges: EdgeRow[];
  /** The listed variants; `variantCount` and `variantOthers` say how many paths there are and who is not listed. */
  variants: VariantRow[];
  variantCount: number;
  variantOthers: number;
  sankey: SankeyRow[];
  conformance: ConformanceSummaryRow;
  deviations: DeviationRow[];
  unmapped: UnmappedRow[];
  activities: ActivityRow[];
}

/** Puts the SQL queries' rows together into a MetricsDigest. */
export function assembleOracleDigest(input: OracleInput, rows: OracleRows): MetricsDigest {
  const { structure } = input;
  const G = structure.stages.length;
  const { totals, reach, stepConversion, stageConversion, funnelSteps, funnelStages, time, sessions, scores } = rows;
  const { sentiment, quotes, nodes, edges, variants, sankey, conformance, deviations, unmapped, activities } = rows;

  const find = <T extends { idx: number }>(rows: T[], idx: number) => rows.find((r) => r.idx === idx);
  const reachOf = (unit: "step" | "stage", idx: number) => reach.find((r) => r.unit === unit && r.idx === idx);
  const deviation = (unit: "step" | "stage", idx: number, kind: string) =>
    deviations.find((d) => d.unit === unit && d.idx === idx && d.kind === kind)?.value ?? 0;
  const total = unmapped.find((u) => u.total);
  const hasNextLevel = (s: number) => structure.steps[s]!.level + 1 < structure.levelCount;

  return {
    totals: {
      customers: totals.customers,
      events: totals.events,
      unmappedEvents: total?.events ?? 0,
      unmappedCustomers: total?.customers ?? 0,
    },
    steps: structure.steps.map((_, s) => {
      const conv = find(stepConversion, s);
      const mine = sentiment.filter((r) => r.step === s);
      return {
        customers: reachOf("step", s)?.customers ?? 0,
        events: reachOf("step", s)?.events ?? 0,
        converted: hasNextLevel(s) ? (conv?.converted ?? 0) : null,
        medianMs: conv?.medianMs ?? null,
        p90Ms: conv?.p90Ms ?? null,
        timeMs: time.find((t) => t.step === s && t.activity === null)?.timeMs ?? 0,
        scores: KINDS.flatMap((k) => {
          const row = scores.find((r) => r.step === s && r.kind === k);
          return [round9(row?.sum ?? 0), row?.count ?? 0];
        }).concat([npsScore(scores.find((r) => r.step === s && r.kind === "nps"))]),
        sentimentCount: mine.reduce((n, r) => n + r.count, 0),
        sentimentSum: round9(mine.reduce((n, r) => n + r.sum, 0)),
        languages: Object.fromEntries(mine.map((r) => [r.language, r.count])),
        quotes: quotes
          .filter((q) => q.step === s)
          .map((q): [string, number, number] => [q.text, round9(q.sentiment), q.t]),
        skipped: deviation("step", s, "skipped"),
        revisits: deviation("step", s, "revisits"),
      };
    }),
    stages: Array.from({ length: G }, (_, g) => {
      const conv = find(stageConversion, g);
      return {
        customers: reachOf("stage", g)?.customers ?? 0,
        converted: g + 1 < G ? (conv?.converted ?? 0) : null,
        medianMs: conv?.medianMs ?? null,
        p90Ms: conv?.p90Ms ?? null,
        backSteps: deviation("stage", g, "backSteps"),
        backStepCustomers: deviation("stage", g, "backStepCustomers"),
        loops: deviation("stage", g, "loops"),
        loopCustomers: deviation("stage", g, "loopCustomers"),
      };
    }),
    funnelSteps: Array.from({ length: structure.levelCount }, (_, l) => find(funnelSteps, l)?.customers ?? 0),
    funnelStages: Array.from({ length: G }, (_, g) => find(funnelStages, g)?.customers ?? 0),
    sessions: { count: sessions.sessions, durationMs: sessions.durationMs, events: sessions.events },
    nodes: nodes.map((n) => ({ ...n })).sort((a, b) => (a.node < b.node ? -1 : 1)),
    edges: edges
      .map((e) => ({ ...e, durationMs: round9(e.durationMs) }))
      .sort((a, b) => (a.from + "\u0000" + a.to < b.from + "\u0000" + b.to ? -1 : 1)),
    variantCount: rows.variantCount,
    variants: Object.fromEntries(variants.map((v) => [v.nodes.join(" > "), v.customers])),
    variantOthers: rows.variantOthers,
    sankeyNodes: Object.fromEntries(
      sankey.filter((r) => r.to === null).map((r) => [`${r.depth}:${r.node}`, r.customers]),
    ),
    sankeyLinks: Object.fromEntries(
      sankey.filter((r) => r.to !== null).map((r) => [`${r.depth}:${r.node} > ${r.depth + 1}:${r.to}`, r.customers]),
    ),
    sankeyLinksOmitted: 0,
    conformance,
    unmapped: unmapped
      .filter((u) => !u.total)
      .map((u) => ({ eventName: u.eventName!, channel: u.channel, events: u.events, customers: u.customers }))
      .sort((a, b) =>
        a.eventName + "\u0000" + (a.channel ?? "") < b.eventName + "\u0000" + (b.channel ?? "") ? -1 : 1,
      ),
    touchpoints: activities
      .filter((a) => a.activity.startsWith("tp:"))
      .map((a) => ({
        touchpointId: a.activity.slice(3),
        events: a.events,
        customers: a.customers,
        timeMs: time.find((t) => t.activity === a.activity)?.timeMs ?? 0,
      }))
      .sort((a, b) => (a.touchpointId < b.touchpointId ? -1 : 1)),
  };
}
