import type { Paths } from "@opencjm/core";
// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderIn } from "../testing/evidenceTestKit.js";
import { layoutSankey } from "./sankeyLayout.js";
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

  it("says so when there is nothing to draw", () => {
    renderIn(<SankeyDiagram paths={{ ...paths, sankey: { nodes: [], links: [], linksOmitted: 0 } }} />);
    expect(screen.getByText("No flows to show with these filters.")).toBeTruthy();
  });
});
