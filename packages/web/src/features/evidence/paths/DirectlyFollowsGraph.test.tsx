import type { Paths } from "@opencjm/core";
// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderIn } from "../testing/evidenceTestKit.js";
import { DirectlyFollowsGraph } from "./DirectlyFollowsGraph.js";

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
const HOUR = 3_600_000;

/** 60 customers go from Home to Product (2 h 5 min on average), 30 on to Checkout (45 s), 4 back (a day and 2 h). */
const paths: Paths = {
  nodes: [node("home", "Home"), node("product", "Product"), node("checkout", "Checkout")],
  edges: [
    { from: "home", to: "product", count: 60, customers: 60, meanMs: 2 * HOUR + 5 * 60_000 },
    { from: "product", to: "checkout", count: 30, customers: 28, meanMs: 45_000 },
    { from: "checkout", to: "product", count: 4, customers: 4, meanMs: 26 * HOUR },
  ],
  edgesOmitted: 0,
  variants: { items: [], others: { customers: 0, variants: 0 }, distinct: 0 },
  sankey: { nodes: [], links: [], linksOmitted: 0 },
};

/** What each arc says: its label on the graph and the title a pointer shows, in the order the arcs are drawn. */
const checked = (name: string) => screen.getByRole<HTMLInputElement>("radio", { name }).checked;
const arcs = () =>
  [...screen.getByTestId("dfg").querySelectorAll("svg g")].map((g) => [
    g.querySelector("text")!.textContent,
    g.querySelector("title")!.textContent,
  ]);

describe("the directly-follows graph's frequency and time labels", () => {
  it("labels each arc with how often it was taken, then with its mean time once the user switches to time", async () => {
    const user = userEvent.setup();
    renderIn(<DirectlyFollowsGraph paths={paths} />);
    expect([checked("Frequency"), checked("Mean time")]).toEqual([true, false]);
    expect(arcs()).toEqual([
      ["60", "Home → Product: 60"],
      ["30", "Product → Checkout: 30"],
      ["4", "Checkout → Product: 4"],
    ]);

    await user.click(screen.getByRole("radio", { name: "Mean time" }));
    expect([checked("Frequency"), checked("Mean time")]).toEqual([false, true]);
    expect(arcs()).toEqual([
      ["2 hr, 5 min", "Home → Product: 2 hr, 5 min"],
      ["45 sec", "Product → Checkout: 45 sec"],
      ["1 day, 2 hr", "Checkout → Product: 1 day, 2 hr"],
    ]);
    // The table below keeps both, whichever the arcs show.
    expect(screen.getAllByTestId("dfg-edge")[0]!.textContent).toBe("HomeProduct60602 hr, 5 min");

    await user.click(screen.getByRole("radio", { name: "Frequency" }));
    expect(arcs().map(([label]) => label)).toEqual(["60", "30", "4"]);
  });

  it("says the counts and durations in the reader's language: Persian digits and units", async () => {
    const user = userEvent.setup();
    renderIn(<DirectlyFollowsGraph paths={paths} />, "fa");
    expect(arcs().map(([label]) => label)).toEqual(["۶۰", "۳۰", "۴"]);
    await user.click(screen.getAllByRole("radio")[1]!);
    const labels = arcs().map(([label]) => label!);
    expect(labels.every((l) => /[۰-۹]/.test(l) && !/[0-9]/.test(l))).toBe(true);
    expect(labels[0]).toBe(
      new Intl.ListFormat("fa", { type: "unit", style: "short" }).format([
        new Intl.NumberFormat("fa", { style: "unit", unit: "hour", unitDisplay: "short" }).format(2),
        new Intl.NumberFormat("fa", { style: "unit", unit: "minute", unitDisplay: "short" }).format(5),
      ]),
    );
  });
});
