import type { CaseDurations, Paths } from "@opencjm/core";
// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderIn } from "../testing/evidenceTestKit.js";
import { VariantsList } from "./VariantsList.js";

afterEach(cleanup);

const node = (id: string, label: string) => ({
  id,
  kind: "step" as const,
  label,
  events: 1,
  customers: 1,
  starts: 0,
  ends: 0,
});
const paths: Paths = {
  nodes: [node("s:home", "Home"), node("s:buy", "Checkout")],
  edges: [],
  edgesOmitted: 0,
  variants: {
    items: [
      { nodes: ["s:home", "s:buy"], customers: 30, share: 0.6 },
      { nodes: ["s:home"], customers: 20, share: 0.4 },
    ],
    others: { customers: 0, variants: 0 },
    distinct: 2,
  },
  sankey: { nodes: [], links: [], linksOmitted: 0 },
};
const HOUR = 3_600_000;
const durations: CaseDurations = {
  conversionWindowHours: 720,
  cases: { count: 50, medianMs: 2 * HOUR, p90Ms: 26 * HOUR },
  variants: [
    {
      nodes: ["s:home", "s:buy"],
      customers: 30,
      share: 0.6,
      duration: { count: 30, medianMs: 3 * HOUR, p90Ms: 26 * HOUR },
    },
    { nodes: ["s:home"], customers: 20, share: 0.4, duration: { count: 20, medianMs: 0, p90Ms: 0 } },
  ],
};

describe("the path variants with their case durations", () => {
  it("shows each variant's median and p90 journey time, and the overall one", () => {
    renderIn(<VariantsList paths={paths} durations={durations} />);
    const times = screen.getAllByTestId("variant-duration").map((e) => e.textContent);
    expect(times).toHaveLength(2);
    expect(times[0]).toMatch(/^median 3 h.*, p90 1 d/);
    expect(screen.getByTestId("case-durations").textContent).toMatch(/^50 journeys, first to last event: median 2 h/);
  });

  it("shows the variants alone while the durations are on their way", () => {
    renderIn(<VariantsList paths={paths} />);
    expect(screen.getAllByTestId("variant")).toHaveLength(2);
    expect(screen.queryByTestId("variant-duration")).toBeNull();
    expect(screen.queryByTestId("case-durations")).toBeNull();
  });

  it("says it in Persian, with Persian digits", () => {
    renderIn(<VariantsList paths={paths} durations={durations} />, "fa");
    expect(screen.getByTestId("case-durations").textContent).toContain("۵۰ سفر");
  });
});
