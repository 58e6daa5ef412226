import type { Paths } from "@opencjm/core";
import { sankey, sankeyLeft } from "d3-sankey";

/** Nodes through which fewer than this share of the journeys pass are gathered into one "others" node per column. */
export const MIN_NODE_SHARE = 0.01;

/** Height of a node label in the diagram, in SVG units: labels of one column are kept at least this far apart. */
export const LABEL_LINE = 14;

/**
 * A laid-out node: its box, its label and how many customers pass through it. An "others" node gathers the small nodes
 * of its column (`merged` of them); `labelY` is where its label goes, or null when there is no room (the box's title
 * still names it).
 */
export interface SankeyBox {
  id: string;
  label: string;
  kind: "step" | "touchpoint" | "event" | "others";
  depth: number;
  customers: number;
  merged: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  labelY: number | null;
}

/** A laid-out flow between two nodes: an SVG path drawn with the flow's width. */
export interface SankeyFlow {
  id: string;
  source: string;
  target: string;
  customers: number;
  width: number;
  path: string;
  label: string;
}

/** The Sankey diagram ready to draw. */
export interface SankeyDrawing {
  width: number;
  height: number;
  nodes: SankeyBox[];
  links: SankeyFlow[];
}

interface NodeIn {
  id: string;
  depth: number;
}
interface LinkIn {
  source: string;
  target: string;
  value: number;
}

/**
 * Lays out the customer flows between the nodes of the paths (one column per step of the journeys, from the start):
 * nodes below MIN_NODE_SHARE of the journeys are gathered into an "others" node per column, d3-sankey places boxes and
 * flows; the result is mirrored for right-to-left reading (the first column on the right), the flows are drawn as cubic
 * curves between the mirrored boxes, and labels too close to each other are moved apart or left out.
 */
export function layoutSankey(
  paths: Paths,
  width: number,
  height: number,
  rtl: boolean,
  arrow = rtl ? "←" : "→",
  othersLabel: (merged: number) => string = (merged) => `+${merged}`,
): SankeyDrawing {
  const labelOf = new Map(paths.nodes.map((n) => [n.id, n]));
  const pruned = pruneSmallNodes(paths.sankey);
  const nodesIn: NodeIn[] = pruned.nodes.map((n) => ({ id: n.id, depth: n.depth }));
  const ids = new Set(nodesIn.map((n) => n.id));
  const linksIn: LinkIn[] = pruned.links
    .filter((l) => ids.has(l.source) && ids.has(l.target) && l.customers > 0)
    .map((l) => ({ source: l.source, target: l.target, value: l.customers }));
  if (nodesIn.length === 0 || linksIn.length === 0) return { width, height, nodes: [], links: [] };
  const generator = sankey<NodeIn, LinkIn>()
    .nodeId((n) => n.id)
    .nodeAlign((n) => (n as unknown as NodeIn).depth ?? sankeyLeft(n, 0))
    .nodeWidth(14)
    .nodePadding(12)
    .extent([
      [1, 4],
      [width - 1, height - 4],
    ]);
  const graph = generator({ nodes: nodesIn.map((n) => ({ ...n })), links: linksIn.map((l) => ({ ...l })) });
  const mirror = (x: number) => (rtl ? width - x : x);
  const byId = new Map(pruned.nodes.map((n) => [n.id, n]));
  const nodes: SankeyBox[] = graph.nodes.map((n) => {
    const source = byId.get(n.id)!;
    const info = labelOf.get(source.node);
    const [a, b] = [mirror(n.x0 ?? 0), mirror(n.x1 ?? 0)];
    const others = source.merged > 0;
    return {
      id: n.id,
      label: others ? othersLabel(source.merged) : (info?.label ?? source.node),
      kind: others ? "others" : (info?.kind ?? "event"),
      depth: source.depth,
      customers: source.customers,
      merged: source.merged,
      x0: Math.min(a, b),
      x1: Math.max(a, b),
      y0: n.y0 ?? 0,
      y1: n.y1 ?? 0,
      labelY: null,
    };
  });
  placeLabels(nodes, height);
  const box = new Map(nodes.map((n) => [n.id, n]));
  const links: SankeyFlow[] = graph.links.map((l, i) => {
    const s = box.get((l.source as NodeIn).id)!;
    const t = box.get((l.target as NodeIn).id)!;
    // Leave the source on its reading-end side and enter the target on its reading-start side.
    const sx = rtl ? s.x0 : s.x1;
    const tx = rtl ? t.x1 : t.x0;
    const mx = (sx + tx) / 2;
    const y0 = l.y0 ?? 0;
    const y1 = l.y1 ?? 0;
    return {
      id: `${s.id}>${t.id}#${i}`,
      source: s.id,
      target: t.id,
      customers: l.value,
      width: Math.max(1, l.width ?? 1),
      path: `M${sx.toFixed(1)},${y0.toFixed(1)}C${mx.toFixed(1)},${y0.toFixed(1)} ${mx.toFixed(1)},${y1.toFixed(1)} ${tx.toFixed(1)},${y1.toFixed(1)}`,
      label: `${s.label} ${arrow} ${t.label}`,
    };
  });
  return { width, height, nodes, links };
}

interface PrunedNode {
  id: string;
  depth: number;
  node: string;
  customers: number;
  merged: number;
}

/**
 * Gathers the nodes that fewer than MIN_NODE_SHARE of the journeys pass through into one "others" node per column and
 * adds up the flows that now join the same two nodes, so a long tail of rare events does not bury the main flows.
 * A column keeps a lone small node as it is: an "others" node of one would hide a name for nothing.
 */
function pruneSmallNodes(sankey: Paths["sankey"]): { nodes: PrunedNode[]; links: Paths["sankey"]["links"] } {
  const journeys = sankey.nodes.filter((n) => n.depth === 0).reduce((sum, n) => sum + n.customers, 0);
  const threshold = journeys * MIN_NODE_SHARE;
  const smallByDepth = new Map<number, string[]>();
  for (const n of sankey.nodes) {
    if (n.customers >= threshold) continue;
    smallByDepth.set(n.depth, [...(smallByDepth.get(n.depth) ?? []), n.id]);
  }
  const into = new Map<string, string>();
  for (const [depth, small] of smallByDepth) {
    if (small.length < 2) continue;
    for (const id of small) into.set(id, `${depth}:others`);
  }
  const nodes: PrunedNode[] = [];
  const others = new Map<string, PrunedNode>();
  for (const n of sankey.nodes) {
    const target = into.get(n.id);
    if (!target) {
      nodes.push({ ...n, merged: 0 });
      continue;
    }
    const gathered = others.get(target);
    if (gathered) {
      gathered.customers += n.customers;
      gathered.merged += 1;
    } else {
      const created = { id: target, depth: n.depth, node: target, customers: n.customers, merged: 1 };
      others.set(target, created);
      nodes.push(created);
    }
  }
  const links = new Map<string, Paths["sankey"]["links"][number]>();
  for (const l of sankey.links) {
    const source = into.get(l.source) ?? l.source;
    const target = into.get(l.target) ?? l.target;
    const key = `${source}>${target}`;
    const existing = links.get(key);
    if (existing) existing.customers += l.customers;
    else links.set(key, { source, target, customers: l.customers });
  }
  return { nodes, links: [...links.values()] };
}

/**
 * Places each node's label beside its box, column by column, largest nodes first: a label that would overlap one
 * already placed moves to the nearest free height still beside its own box, or is left out (labelY null).
 */
function placeLabels(nodes: SankeyBox[], height: number): void {
  const columns = new Map<number, SankeyBox[]>();
  for (const n of nodes) columns.set(n.depth, [...(columns.get(n.depth) ?? []), n]);
  for (const column of columns.values()) {
    const placed: number[] = [];
    const free = (y: number) => placed.every((p) => Math.abs(p - y) >= LABEL_LINE);
    for (const n of [...column].sort((a, b) => b.customers - a.customers)) {
      const centre = (n.y0 + n.y1) / 2;
      const low = Math.max(LABEL_LINE / 2, n.y0 - LABEL_LINE / 2);
      const high = Math.min(height - LABEL_LINE / 2, n.y1 + LABEL_LINE / 2);
      const candidates = [centre, ...placed.flatMap((p) => [p - LABEL_LINE, p + LABEL_LINE])]
        .map((y) => Math.min(high, Math.max(low, y)))
        .filter(free)
        .sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre));
      const y = candidates[0];
      if (y === undefined) continue;
      n.labelY = y;
      placed.push(y);
    }
  }
}
