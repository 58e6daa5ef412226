import type { MapMetrics } from "@opencjm/core";
import { round9, type MetricsDigest } from "./MetricsDigest.js";

/**
 * The engine's MapMetrics in the digest shape the SQL oracle produces. Variants beyond the listed top ones are
 * represented by their count only, so run the engine with a large `topPaths` (and `maxEdges`) to compare them all.
 */
export function digestMapMetrics(m: MapMetrics): MetricsDigest {
  return {
    totals: {
      customers: m.totals.customers,
      events: m.totals.events,
      unmappedEvents: m.unmapped.events,
      unmappedCustomers: m.unmapped.customers,
    },
    steps: m.steps.map((s) => ({
      customers: s.customers,
      events: s.events,
      converted: s.conversion?.converted ?? null,
      medianMs: s.conversion?.timeToNext.medianMs ?? null,
      p90Ms: s.conversion?.timeToNext.p90Ms ?? null,
      timeMs: s.timeSpent.totalMs,
      scores: (["csat", "nps", "ces"] as const)
        .flatMap((k) => [round9((s.scores[k].mean ?? 0) * s.scores[k].count), s.scores[k].count])
        .concat([round9(s.scores.nps.score ?? 0)]),
      sentimentCount: s.sentiment.count,
      sentimentSum: round9((s.sentiment.mean ?? 0) * s.sentiment.count),
      languages: s.sentiment.languages,
      quotes: s.sentiment.quotes.map((q): [string, number, number] => [q.text, round9(q.sentiment), Date.parse(q.at)]),
      skipped: s.skipped,
      revisits: s.revisits,
    })),
    stages: m.stages.map((g) => ({
      customers: g.customers,
      converted: g.conversion?.converted ?? null,
      medianMs: g.conversion?.timeToNext.medianMs ?? null,
      p90Ms: g.conversion?.timeToNext.p90Ms ?? null,
      backSteps: g.backSteps,
      backStepCustomers: g.backStepCustomers,
      loops: g.loops,
      loopCustomers: g.loopCustomers,
    })),
    funnelSteps: m.funnel.steps.map((f) => f.customers),
    funnelStages: m.funnel.stages.map((f) => f.customers),
    sessions: {
      count: m.sessions.count,
      durationMs: Math.round((m.sessions.meanDurationMs ?? 0) * m.sessions.count),
      events: Math.round((m.sessions.meanEvents ?? 0) * m.sessions.count),
    },
    nodes: m.paths.nodes
      .filter((n) => n.events > 0)
      .map((n) => ({ node: n.id, events: n.events, customers: n.customers, starts: n.starts, ends: n.ends }))
      .sort((a, b) => (a.node < b.node ? -1 : 1)),
    edges: m.paths.edges
      .map((e) => ({
        from: e.from,
        to: e.to,
        count: e.count,
        customers: e.customers,
        durationMs: round9(e.meanMs * e.count),
      }))
      .sort((a, b) => (a.from + "\u0000" + a.to < b.from + "\u0000" + b.to ? -1 : 1)),
    variantCount: m.paths.variants.distinct,
    variants: Object.fromEntries(m.paths.variants.items.map((v) => [v.nodes.join(" > "), v.customers])),
    variantOthers: m.paths.variants.others.customers,
    sankeyNodes: Object.fromEntries(m.paths.sankey.nodes.map((n) => [n.id, n.customers])),
    sankeyLinks: Object.fromEntries(m.paths.sankey.links.map((l) => [`${l.source} > ${l.target}`, l.customers])),
    sankeyLinksOmitted: m.paths.sankey.linksOmitted,
    conformance: {
      customers: m.conformance.customers,
      conforming: m.conformance.conforming,
      withSkips: m.conformance.withSkips,
      withBackSteps: m.conformance.withBackSteps,
      withLoops: m.conformance.withLoops,
    },
    unmapped: [...m.unmapped.items].sort((a, b) =>
      a.eventName + "\u0000" + (a.channel ?? "") < b.eventName + "\u0000" + (b.channel ?? "") ? -1 : 1,
    ),
    touchpoints: m.touchpoints
      .filter((t) => t.events > 0)
      .map((t) => ({ touchpointId: t.touchpointId, events: t.events, customers: t.customers, timeMs: t.timeSpentMs }))
      .sort((a, b) => (a.touchpointId < b.touchpointId ? -1 : 1)),
  };
}
