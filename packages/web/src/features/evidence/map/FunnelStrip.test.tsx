// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderIn, shopMetrics } from "../testing/evidenceTestKit.js";
import { FunnelStrip } from "./FunnelStrip.js";

afterEach(cleanup);

describe("the funnel strip", () => {
  it("shows each stage's customers on one scale with the drop from the stage before", () => {
    renderIn(<FunnelStrip metrics={shopMetrics()} />);
    const stages = screen.getAllByTestId("funnel-stage");
    expect(stages.map((s) => s.querySelector("span")!.textContent)).toEqual(["Visit", "Buy"]);
    expect(stages.map((s) => s.dataset.customers)).toEqual(["1000", "150"]);
    expect(stages[0]!.textContent).toContain("1,000 customers");
    expect(stages[1]!.textContent).toContain("150 customers · 15%");
    expect(stages[1]!.textContent).toContain("−85% from the previous stage");
    const bars = stages.map((s) => (s.querySelector("[aria-hidden] > span") as HTMLElement).style.inlineSize);
    expect(bars).toEqual(["100%", "15%"]);
  });

  it("speaks Russian plurals and Persian digits", () => {
    renderIn(<FunnelStrip metrics={shopMetrics()} />, "ru");
    expect(screen.getAllByTestId("funnel-stage")[1]!.textContent).toContain("150 клиентов");
    cleanup();
    renderIn(<FunnelStrip metrics={shopMetrics()} />, "fa");
    expect(screen.getAllByTestId("funnel-stage")[1]!.textContent).toContain("۱۵۰ مشتری");
  });
});
