import type { MapMetrics, MetricsOptions } from "@opencjm/core";
import type { MergedKernelResult } from "../metrics/mergeKernelPartials.js";
import { summarizeVariants } from "./summarizeVariants.js";

/** At most this many Sankey links are listed (the most travelled). */
export const MAX_SANKEY_LINKS = 2000;

/**
 * The path views: nodes with their counts, the directly-follows graph (most frequent edges first), the top path
 * variants with an "others" bucket, and the Sankey diagram of the first transitions.
 */
export function buildPaths(
  r: MergedKernelResult,
  nodeIds: string[],
  nodeKinds: Array<"step" | "touchpoint" | "event">,
  labelOf: (node: number) => string,
  pathOf: (customer: number) => Int32Array,
  options: MetricsOptions,
): MapMetrics["paths"] {
  const N = nodeIds.length;
  const nodes = nodeIds
    .map((id, n) => ({
      id,
      kind: nodeKinds[n]!,
      label: labelOf(n),
      events: r.nodeEvents[n]!,
      customers: r.nodeCustomers[n]!,
      starts: r.nodeStarts[n]!,
      ends: r.nodeEnds[n]!,
    }))
    .filter((node) => node.kind === "step" || node.events > 0);

  const edges = [...r.edges].sort((a, b) => b.count - a.count || a.from - b.from || a.to - b.to);
  const shownEdges = edges.slice(0, options.maxEdges).map((e) => ({
    from: nodeIds[e.from]!,
    to: nodeIds[e.to]!,
    count: e.count,
    customers: e.customers,
    meanMs: e.durationMs / e.count,
  }));

  // Worker threads summarise the variants themselves (summarizeVariantBuckets); other runs leave sorted runs.
  const { distinct, withPath, top } = r.variantSummary ?? summarizeVariants(r.variants, options.topPaths);
  const topCustomers = top.reduce((n, v) => n + v.count, 0);

  const sankeyNodes: MapMetrics["paths"]["sankey"]["nodes"] = [];
  for (let d = 0; d <= options.sankeyDepth; d++) {
    for (let n = 0; n < N; n++) {
      const customers = r.sankeyNodes[d * N + n]!;
      if (customers > 0) sankeyNodes.push({ id: `${d}:${nodeIds[n]}`, depth: d, node: nodeIds[n]!, customers });
    }
  }
  const allLinks = [...r.sankeyLinks].map(([key, customers]) => ({
    depth: Math.floor(key / (N * N)),
    from: Math.floor(key / N) % N,
    to: key % N,
    customers,
  }));
  // The most travelled links, so a journey log with thousands of distinct events still gives a drawable diagram.
  const keptLinks = allLinks
    .sort((a, b) => b.customers - a.customers || a.depth - b.depth || a.from - b.from || a.to - b.to)
    .slice(0, MAX_SANKEY_LINKS);
  const links = keptLinks
    .sort((a, b) => a.depth - b.depth || b.customers - a.customers || a.from - b.from || a.to - b.to)
    .map((l) => ({
      source: `${l.depth}:${nodeIds[l.from]}`,
      target: `${l.depth + 1}:${nodeIds[l.to]}`,
      customers: l.customers,
    }));

  return {
    nodes,
    edges: shownEdges,
    edgesOmitted: Math.max(0, edges.length - options.maxEdges),
    variants: {
      items: top.map((v) => ({
        nodes: Array.from(pathOf(v.customer), (n) => nodeIds[n]!),
        customers: v.count,
        share: withPath > 0 ? v.count / withPath : null,
      })),
      others: { customers: withPath - topCustomers, variants: distinct - top.length },
      distinct,
    },
    sankey: { nodes: sankeyNodes, links, linksOmitted: allLinks.length - keptLinks.length },
  };
}
