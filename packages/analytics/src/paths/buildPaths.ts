import type { MapMetrics } from "../metrics/MapMetricsSchema.js";
import type { MetricsOptions } from "../metrics/MetricsRequestSchema.js";
import type { MergedKernelResult } from "../metrics/mergeKernelPartials.js";

/** Compares two node sequences: shorter first, then node by node. */
function compareSequences(a: Int32Array, b: Int32Array): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * The path views: nodes with their counts, the directly-follows graph (most frequent edges first), the top path
 * variants with an "others" bucket, and the Sankey diagram of the first transitions.
 */
export function buildPaths(r: MergedKernelResult, nodeIds: string[], nodeKinds: Array<"step" | "touchpoint" | "event">, labelOf: (node: number) => string, options: MetricsOptions): MapMetrics["paths"] {
  const N = nodeIds.length;
  const nodes = nodeIds
    .map((id, n) => ({ id, kind: nodeKinds[n]!, label: labelOf(n), events: r.nodeEvents[n]!, customers: r.nodeCustomers[n]!, starts: r.nodeStarts[n]!, ends: r.nodeEnds[n]! }))
    .filter((node) => node.kind === "step" || node.events > 0);

  const edges = [...r.edges].sort((a, b) => b.count - a.count || a.from - b.from || a.to - b.to);
  const shownEdges = edges.slice(0, options.maxEdges).map((e) => ({ from: nodeIds[e.from]!, to: nodeIds[e.to]!, count: e.count, customers: e.customers, meanMs: e.durationMs / e.count }));

  const variants = [...r.variants].sort((a, b) => b.customers - a.customers || compareSequences(a.nodes, b.nodes));
  const withPath = variants.reduce((n, v) => n + v.customers, 0);
  const top = variants.slice(0, options.topPaths);
  const rest = variants.slice(options.topPaths);

  const sankeyNodes: MapMetrics["paths"]["sankey"]["nodes"] = [];
  for (let d = 0; d <= options.sankeyDepth; d++) {
    for (let n = 0; n < N; n++) {
      const customers = r.sankeyNodes[d * N + n]!;
      if (customers > 0) sankeyNodes.push({ id: `${d}:${nodeIds[n]}`, depth: d, node: nodeIds[n]!, customers });
    }
  }
  const links = [...r.sankeyLinks]
    .map(([key, customers]) => {
      const to = key % N;
      const from = Math.floor(key / N) % N;
      const depth = Math.floor(key / (N * N));
      return { depth, from, to, customers };
    })
    .sort((a, b) => a.depth - b.depth || b.customers - a.customers || a.from - b.from || a.to - b.to)
    .map((l) => ({ source: `${l.depth}:${nodeIds[l.from]}`, target: `${l.depth + 1}:${nodeIds[l.to]}`, customers: l.customers }));

  return {
    nodes,
    edges: shownEdges,
    edgesOmitted: Math.max(0, edges.length - options.maxEdges),
    variants: {
      items: top.map((v) => ({ nodes: Array.from(v.nodes, (n) => nodeIds[n]!), customers: v.customers, share: withPath > 0 ? v.customers / withPath : null })),
      others: { customers: rest.reduce((n, v) => n + v.customers, 0), variants: rest.length },
      distinct: variants.length,
    },
    sankey: { nodes: sankeyNodes, links },
  };
}
