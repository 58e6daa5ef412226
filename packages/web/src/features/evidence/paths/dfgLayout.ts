import type { Paths } from "@opencjm/core";

/** A node of the drawn directly-follows graph: a row with its label. */
export interface DfgNode {
  id: string;
  label: string;
  kind: "step" | "touchpoint" | "event";
  y: number;
}

/** A drawn transition: an arc between two rows (forward on the trailing side, back on the leading side). */
export interface DfgArc {
  from: string;
  to: string;
  count: number;
  customers: number;
  meanMs: number;
  path: string;
  /** Where its label sits. */
  labelX: number;
  labelY: number;
  strokeWidth: number;
}

/** The laid-out graph: its rows, arcs, size and how many transitions the threshold left out. */
export interface DfgDrawing {
  nodes: DfgNode[];
  arcs: DfgArc[];
  width: number;
  height: number;
  hidden: number;
}

const ROW = 44;
const TOP = 28;

/**
 * Lays out the directly-follows graph as an arc diagram: every node that takes part in a transition taken at least
 * `minCount` times gets a row (steps in map order first, then the rest as the paths list them), and each such
 * transition an arc beside the rows, forward ones on one side and backward ones on the other, self-loops as a small
 * loop; arc width grows with the square root of its count. Mirrored for right-to-left.
 */
export function layoutDfg(paths: Paths, minCount: number, width: number, rtl: boolean): DfgDrawing {
  const kept = paths.edges.filter((e) => e.count >= minCount);
  const used = new Set(kept.flatMap((e) => [e.from, e.to]));
  const nodes = paths.nodes
    .filter((n) => used.has(n.id))
    .map((n, i) => ({ id: n.id, label: n.label, kind: n.kind, y: TOP + i * ROW }));
  const row = new Map(nodes.map((n) => [n.id, n]));
  const centre = width / 2;
  const half = Math.min(160, width / 4);
  const most = Math.max(1, ...kept.map((e) => e.count));
  // Forward arcs on the trailing side (right in left-to-right), backward ones on the leading side.
  const side = (forward: boolean) => ((forward ? 1 : -1) * (rtl ? -1 : 1)) as 1 | -1;
  const arcs = kept.map((e) => {
    const a = row.get(e.from)!;
    const b = row.get(e.to)!;
    const strokeWidth = 1 + 9 * Math.sqrt(e.count / most);
    if (a.id === b.id) {
      const x = centre + side(true) * half;
      const s = side(true);
      return {
        ...e,
        path: `M ${x} ${a.y - 6} C ${x + s * 36} ${a.y - 22}, ${x + s * 36} ${a.y + 22}, ${x} ${a.y + 6}`,
        labelX: x + s * 40,
        labelY: a.y,
        strokeWidth,
      };
    }
    const s = side(b.y > a.y);
    const x = centre + s * half;
    const bulge = Math.min(width / 2 - half - 8, 24 + Math.abs(b.y - a.y) * 0.45);
    const mid = (a.y + b.y) / 2;
    return {
      ...e,
      path: `M ${x} ${a.y} Q ${x + s * bulge * 2} ${mid} ${x} ${b.y}`,
      labelX: x + s * bulge,
      labelY: mid,
      strokeWidth,
    };
  });
  return {
    nodes,
    arcs,
    width,
    height: Math.max(ROW, TOP + nodes.length * ROW),
    hidden: paths.edges.length - kept.length + paths.edgesOmitted,
  };
}
