import type { Paths } from "@opencjm/core";
// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderIn } from "../testing/evidenceTestKit.js";
import { LABEL_LINE, layoutSankey } from "./sankeyLayout.js";
import { SankeyDiagram } from "./SankeyDiagram.js";

afterEach(cleanup);

/** 100 customers open the home page; 60 go on to a product, 10 use a coupon (not on the map); 30 of the 60 check out. */
const paths: Paths = {
  nodes: [
    { id: "s:home", kind: "step", label: "Home", events: 100, customers: 100, starts: 100, ends: 30 },
    { id: "s:product", kind: "step", label: "Product", events: 60, customers: 60, starts: 0, ends: 30 },
    { id: "t:coupon", kind: "touchpoint", label: "Coupon <script>", events: 10, customers: 10, starts: 0, ends: 10 },
    { id: "s:checkout", kind: "step", label: "Checkout", events: 30, customers: 30, starts: 0, ends: 30 },
  ],
  edges: [],
  edgesOmitted: 0,
  variants: { items: [], others: { customers: 0, variants: 0 }, distinct: 0 },
  sankey: {
    nodes: [
      { id: "0:s:home", depth: 0, node: "s:home", customers: 100 },
      { id: "1:s:product", depth: 1, node: "s:product", customers: 60 },
      { id: "1:t:coupon", depth: 1, node: "t:coupon", customers: 10 },
      { id: "2:s:checkout", depth: 2, node: "s:checkout", customers: 30 },
    ],
    links: [
      { source: "0:s:home", target: "1:s:product", customers: 60 },
      { source: "0:s:home", target: "1:t:coupon", customers: 10 },
      { source: "1:s:product", target: "2:s:checkout", customers: 30 },
    ],
    linksOmitted: 0,
  },
};

describe("the Sankey of customer flows", () => {
  it("lays out one column per depth, boxes sized by customers, flows between them", () => {
    const drawing = layoutSankey(paths, 600, 300, false);
    const box = (id: string) => drawing.nodes.find((n) => n.id === id)!;
    expect(drawing.nodes.map((n) => [n.label, n.customers, n.kind])).toEqual([
      ["Home", 100, "step"],
      ["Product", 60, "step"],
      ["Coupon <script>", 10, "touchpoint"],
      ["Checkout", 30, "step"],
    ]);
    expect(box("0:s:home").x0).toBeLessThan(box("1:s:product").x0);
    expect(box("1:s:product").x0).toBe(box("1:t:coupon").x0);
    expect(box("1:s:product").x0).toBeLessThan(box("2:s:checkout").x0);
    const height = (id: string) => box(id).y1 - box(id).y0;
    expect(height("1:s:product")).toBeGreaterThan(height("1:t:coupon") * 4);
    expect(drawing.links.map((l) => [l.label, l.customers])).toEqual([
      ["Home → Product", 60],
      ["Home → Coupon <script>", 10],
      ["Product → Checkout", 30],
    ]);
  });

  it("mirrors for right-to-left reading: the journey starts on the right", () => {
    const ltr = layoutSankey(paths, 600, 300, false);
    const rtl = layoutSankey(paths, 600, 300, true);
    const home = (d: typeof ltr) => d.nodes.find((n) => n.id === "0:s:home")!;
    expect(home(rtl).x0).toBe(600 - home(ltr).x1);
    expect(home(rtl).x0).toBeGreaterThan(rtl.nodes.find((n) => n.id === "2:s:checkout")!.x0);
    expect(rtl.links[0]!.label).toBe("Home ← Product");
  });

  it("draws every box with its label and count, and every flow with a title, as inert text", () => {
    renderIn(<SankeyDiagram paths={paths} />);
    const nodes = screen.getAllByTestId("sankey-node");
    expect(nodes.map((n) => n.querySelector("text")!.textContent)).toEqual([
      "Home 100",
      "Product 60",
      "Coupon <script> 10",
      "Checkout 30",
    ]);
    expect(document.querySelector("script")).toBeNull();
    expect(screen.getAllByTestId("sankey-link").map((l) => l.querySelector("title")!.textContent)).toEqual([
      "Home → Product: 60 customers",
      "Home → Coupon <script>: 10 customers",
      "Product → Checkout: 30 customers",
    ]);
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe(
      "Sankey diagram of customer flows between touchpoints",
    );
  });

  it("gathers the rare events of a column into one others node, keeping every customer's flow", () => {
    // 1,000 customers: 900 go to the product page, 100 scatter over 20 rare events (5 each, 0.5 % each).
    const rare = Array.from({ length: 20 }, (_, i) => `e:rare${i}`);
    const crowded: Paths = {
      ...paths,
      nodes: [
        { id: "s:home", kind: "step", label: "Home", events: 1000, customers: 1000, starts: 1000, ends: 0 },
        { id: "s:product", kind: "step", label: "Product", events: 900, customers: 900, starts: 0, ends: 900 },
        ...rare.map((id) => ({ id, kind: "event" as const, label: id, events: 5, customers: 5, starts: 0, ends: 5 })),
      ],
      sankey: {
        nodes: [
          { id: "0:s:home", depth: 0, node: "s:home", customers: 1000 },
          { id: "1:s:product", depth: 1, node: "s:product", customers: 900 },
          ...rare.map((id) => ({ id: `1:${id}`, depth: 1, node: id, customers: 5 })),
        ],
        links: [
          { source: "0:s:home", target: "1:s:product", customers: 900 },
          ...rare.map((id) => ({ source: "0:s:home", target: `1:${id}`, customers: 5 })),
        ],
        linksOmitted: 0,
      },
    };
    const drawing = layoutSankey(crowded, 600, 300, false);
    expect(drawing.nodes.map((n) => [n.id, n.customers, n.kind, n.merged])).toEqual([
      ["0:s:home", 1000, "step", 0],
      ["1:s:product", 900, "step", 0],
      ["1:others", 100, "others", 20],
    ]);
    expect(drawing.links.map((l) => [l.target, l.customers])).toEqual([
      ["1:s:product", 900],
      ["1:others", 100],
    ]);
    renderIn(<SankeyDiagram paths={crowded} />);
    expect(screen.getAllByTestId("sankey-label").map((l) => l.textContent)).toEqual([
      "Home 1,000",
      "Product 900",
      "20 others 100",
    ]);
  });

  it("keeps the labels of a column apart, leaving out the smaller one with no room and naming it in its box's title", () => {
    // Five steps of 2 % each share a column with a 90 % step: their boxes are a few pixels high, too close for labels.
    const small = ["a", "b", "c", "d", "e"].map((k) => `s:${k}`);
    const tight: Paths = {
      ...paths,
      nodes: [
        { id: "s:home", kind: "step", label: "Home", events: 100, customers: 100, starts: 100, ends: 0 },
        { id: "s:big", kind: "step", label: "Big", events: 90, customers: 90, starts: 0, ends: 90 },
        ...small.map((id) => ({ id, kind: "step" as const, label: id, events: 2, customers: 2, starts: 0, ends: 2 })),
      ],
      sankey: {
        nodes: [
          { id: "0:s:home", depth: 0, node: "s:home", customers: 100 },
          { id: "1:s:big", depth: 1, node: "s:big", customers: 90 },
          ...small.map((id) => ({ id: `1:${id}`, depth: 1, node: id, customers: 2 })),
        ],
        links: [
          { source: "0:s:home", target: "1:s:big", customers: 90 },
          ...small.map((id) => ({ source: "0:s:home", target: `1:${id}`, customers: 2 })),
        ],
        linksOmitted: 0,
      },
    };
    const drawing = layoutSankey(tight, 600, 200, false);
    const column = drawing.nodes.filter((n) => n.depth === 1);
    expect(column).toHaveLength(6);
    const shown = column.flatMap((n) => (n.labelY === null ? [] : [n.labelY])).sort((a, b) => a - b);
    for (let i = 1; i < shown.length; i++) expect(shown[i]! - shown[i - 1]!).toBeGreaterThanOrEqual(LABEL_LINE);
    expect(column.find((n) => n.id === "1:s:big")!.labelY).not.toBeNull();
    expect(column.some((n) => n.labelY === null)).toBe(true);
    renderIn(<SankeyDiagram paths={tight} height={200} />);
    const hidden = column.find((n) => n.labelY === null)!;
    const node = screen.getAllByTestId("sankey-node").find((n) => n.getAttribute("data-node-id") === hidden.id)!;
    expect(node.querySelector("text")).toBeNull();
    expect(node.querySelector("title")!.textContent).toBe(`${hidden.label}: 2 customers`);
  });

  it("says so when there is nothing to draw", () => {
    renderIn(<SankeyDiagram paths={{ ...paths, sankey: { nodes: [], links: [], linksOmitted: 0 } }} />);
    expect(screen.getByText("No flows to show with these filters.")).toBeTruthy();
  });
});
