import type { Paths } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { layoutDfg } from "./dfgLayout.js";

const node = (id: string, kind: "step" | "event" = "step") => ({
  id,
  kind,
  label: id.toUpperCase(),
  events: 1,
  customers: 1,
  starts: 0,
  ends: 0,
});
const paths = {
  nodes: [node("a"), node("b"), node("c"), node("event:x", "event")],
  edges: [
    { from: "a", to: "b", count: 10, customers: 10, meanMs: 60_000 },
    { from: "b", to: "a", count: 3, customers: 2, meanMs: 1000 },
    { from: "b", to: "b", count: 2, customers: 2, meanMs: 500 },
    { from: "c", to: "event:x", count: 1, customers: 1, meanMs: 10 },
  ],
  edgesOmitted: 5,
  variants: { items: [], others: { customers: 0, variants: 0 }, distinct: 0 },
  sankey: { nodes: [], links: [], linksOmitted: 0 },
} as Paths;

describe("the directly-follows graph's layout", () => {
  it("keeps only transitions at or above the threshold, and the nodes they join", () => {
    const all = layoutDfg(paths, 1, 800, false);
    expect(all.arcs).toHaveLength(4);
    expect(all.nodes.map((n) => n.id)).toEqual(["a", "b", "c", "event:x"]);
    const frequent = layoutDfg(paths, 3, 800, false);
    expect(frequent.arcs.map((a) => `${a.from}>${a.to}`)).toEqual(["a>b", "b>a"]);
    expect(frequent.nodes.map((n) => n.id)).toEqual(["a", "b"]);
    // Left out: two below the threshold plus the five the API did not list.
    expect(frequent.hidden).toBe(7);
  });

  it("draws forward arcs on the trailing side and back arcs on the leading side, mirrored right to left", () => {
    const x = (path: string) => Number(path.split(" ")[1]);
    const ltr = layoutDfg(paths, 3, 800, false);
    expect(x(ltr.arcs[0]!.path)).toBeGreaterThan(400);
    expect(x(ltr.arcs[1]!.path)).toBeLessThan(400);
    const rtl = layoutDfg(paths, 3, 800, true);
    expect(x(rtl.arcs[0]!.path)).toBeLessThan(400);
    expect(rtl.arcs[0]!.strokeWidth).toBeGreaterThan(rtl.arcs[1]!.strokeWidth);
  });
});
