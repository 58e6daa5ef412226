import type { DuckDBConnection } from "@duckdb/node-api";
import { getActivities } from "./activities/getActivities.js";
import { getConformanceSummary } from "./conformance/getConformanceSummary.js";
import { getDeviations } from "./conformance/getDeviations.js";
import { createMappedEvents, type OracleInput } from "./mapped/createMappedEvents.js";
import { round9, type MetricsDigest } from "./MetricsDigest.js";
import { getDirectlyFollows } from "./paths/getDirectlyFollows.js";
import { getPathNodes } from "./paths/getPathNodes.js";
import { getSankey } from "./paths/getSankey.js";
import { getVariants } from "./paths/getVariants.js";
import { readRows } from "../queries/readRows.js";
import { getConversion } from "./steps/getConversion.js";
import { getFunnel } from "./steps/getFunnel.js";
import { getQuotes } from "./steps/getQuotes.js";
import { getReach } from "./steps/getReach.js";
import { getScores } from "./steps/getScores.js";
import { getSentiment } from "./steps/getSentiment.js";
import { getSessions } from "./steps/getSessions.js";
import { getTimeSpent } from "./steps/getTimeSpent.js";
import { getUnmappedEvents } from "./unmapped/getUnmappedEvents.js";

const KINDS = ["csat", "nps", "ces"] as const;

/** Net Promoter Score: % promoters − % detractors (0 when there are no NPS answers). */
function npsScore(row: { count: number; promoters: number; detractors: number } | undefined): number {
  return row && row.count > 0 ? round9((100 * (row.promoters - row.detractors)) / row.count) : 0;
}

/**
 * The SQL oracle: computes, with one hand-written DuckDB query per metric over the event tables, the same numbers the
 * one-pass engine computes, as a MetricsDigest. `sentiments` names a table (text, sentiment, language) of each distinct
 * text's score; without it, sentiment and quotes are left empty.
 */
export async function computeOracleDigest(
  connection: DuckDBConnection,
  input: OracleInput,
  sentiments?: string,
): Promise<MetricsDigest> {
  const table = "oracle_events";
  await createMappedEvents(connection, table, input);
  const { structure, options } = input;
  const G = structure.stages.length;
  const windowMs = options.conversionWindowHours * 3_600_000;
  const gapMs = options.sessionGapMinutes * 60_000;
  const strict = options.order === "strict";

  const [totals] = await readRows<{ customers: number; events: number }>(
    connection,
    `SELECT count(DISTINCT customer_id) AS customers, count(*) AS events FROM ${table}`,
  );
  const reach = await getReach(connection, table);
  const stepConversion = await getConversion(connection, table, { by: "step", windowMs, strict });
  const stageConversion = await getConversion(connection, table, { by: "stage", windowMs, strict });
  const funnelSteps = await getFunnel(connection, table, { by: "step", windowMs, strict });
  const funnelStages = await getFunnel(connection, table, { by: "stage", windowMs, strict });
  const time = await getTimeSpent(connection, table, { gapMs });
  const sessions = await getSessions(connection, table, { gapMs });
  const scores = await getScores(connection, table);
  const sentiment = sentiments ? await getSentiment(connection, table, sentiments) : [];
  const quotes = sentiments ? await getQuotes(connection, table, sentiments) : [];
  const nodes = await getPathNodes(connection, table);
  const edges = await getDirectlyFollows(connection, table);
  const variants = await getVariants(connection, table);
  const sankey = await getSankey(connection, table, { depth: options.sankeyDepth });
  const conformance = await getConformanceSummary(connection, table);
  const deviations = await getDeviations(
    connection,
    table,
    structure.steps.map((s) => s.level),
  );
  const unmapped = await getUnmappedEvents(connection, table);
  const activities = await getActivities(connection, table);
  await connection.run(`DROP TABLE IF EXISTS ${table}`);

  const find = <T extends { idx: number }>(rows: T[], idx: number) => rows.find((r) => r.idx === idx);
  const reachOf = (unit: "step" | "stage", idx: number) => reach.find((r) => r.unit === unit && r.idx === idx);
  const deviation = (unit: "step" | "stage", idx: number, kind: string) =>
    deviations.find((d) => d.unit === unit && d.idx === idx && d.kind === kind)?.value ?? 0;
  const total = unmapped.find((u) => u.total);
  const hasNextLevel = (s: number) => structure.steps[s]!.level + 1 < structure.levelCount;

  return {
    totals: {
      customers: totals!.customers,
      events: totals!.events,
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
    variantCount: variants.length,
    variants: Object.fromEntries(variants.map((v) => [v.nodes.join(" > "), v.customers])),
    variantOthers: 0,
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
