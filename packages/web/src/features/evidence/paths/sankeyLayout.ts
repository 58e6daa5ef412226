import type { Paths } from "@opencjm/core";
import { sankey, sankeyLeft } from "d3-sankey";

/** A laid-out node: its box, its label and how many customers pass through it. */
export interface SankeyBox {
  id: string;
  label: string;
  kind: "step" | "touchpoint" | "event";
  depth: number;
  customers: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
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
 * d3-sankey places boxes and flows; the result is mirrored for right-to-left reading (the first column on the right),
 * and the flows are drawn as cubic curves between the mirrored boxes.
 */
export function layoutSankey(
  paths: Paths,
  width: number,
  height: number,
  rtl: boolean,
  arrow = rtl ? "←" : "→",
): SankeyDrawing {
  const labelOf = new Map(paths.nodes.map((n) => [n.id, n]));
  const nodesIn: NodeIn[] = paths.sankey.nodes.map((n) => ({ id: n.id, depth: n.depth }));
  const ids = new Set(nodesIn.map((n) => n.id));
  const linksIn: LinkIn[] = paths.sankey.links
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
  const byId = new Map(paths.sankey.nodes.map((n) => [n.id, n]));
  const nodes: SankeyBox[] = graph.nodes.map((n) => {
    const source = byId.get(n.id)!;
    const info = labelOf.get(source.node);
    const [a, b] = [mirror(n.x0 ?? 0), mirror(n.x1 ?? 0)];
    return {
      id: n.id,
      label: info?.label ?? source.node,
      kind: info?.kind ?? "event",
      depth: source.depth,
      customers: source.customers,
      x0: Math.min(a, b),
      x1: Math.max(a, b),
      y0: n.y0 ?? 0,
      y1: n.y1 ?? 0,
    };
  });
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
