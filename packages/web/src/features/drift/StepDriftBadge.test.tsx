// @vitest-environment jsdom
import type { StepDrift } from "@opencjm/core";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { StepDriftBadge } from "./StepDriftBadge.js";
import { StepDriftContext } from "./StepDriftContext.js";

const tracking: StepDrift = {
  stepId: "p_track",
  stageId: "s_delivery",
  name: "Tracks the parcel",
  measures: [
    {
      measure: "medianTime",
      before: { value: 2 * 86_400_000, sample: 344 },
      after: { value: 4 * 86_400_000, sample: 318 },
      change: 2 * 86_400_000,
      interval: null,
      pValue: 0.0001,
      flagged: true,
      better: false,
    },
    {
      measure: "conversion",
      before: { value: 0.862, sample: 399 },
      after: { value: 0.803, sample: 396 },
      change: -0.059,
      interval: [-0.11, -0.007],
      pValue: 0.026,
      flagged: true,
      better: false,
    },
  ],
};

function renderBadge(stepId: string, locale: "en" | "fa" = "en") {
  return renderWithI18n(
    <StepDriftContext.Provider
      value={{ flagged: new Map([["p_track", tracking]]), periodDays: 28, digestHref: "/drift" }}
    >
      <StepDriftBadge stepId={stepId} label="Tracks the parcel" />
    </StepDriftContext.Provider>,
    locale,
  );
}

describe("the drift marker on a step header", () => {
  afterEach(cleanup);

  it("says what moved, by how much and on how many customers, and links to the digest", async () => {
    renderBadge("p_track");
    await userEvent.click(screen.getByRole("button", { name: "The data on “Tracks the parcel” drifted: what moved" }));
    const popover = await screen.findByTestId("step-drift-popover");
    const lines = within(popover).getAllByTestId("drift-measure");
    expect(lines.map((l) => l.getAttribute("data-measure"))).toEqual(["medianTime", "conversion"]);
    expect(lines[0]!.textContent).toContain("Median time to the next step");
    expect(lines[0]!.textContent).toContain("+100%");
    expect(lines[0]!.textContent).toContain("for the worse");
    expect(lines[0]!.textContent).toContain("customers who went on: 344 and 318");
    expect(lines[1]!.textContent).toContain("86.2% → 80.3% (-5.9 points)");
    expect(lines[1]!.textContent).toContain("p = 0.026");
    expect(within(popover).getByRole("link", { name: "All drift in the workspace" }).getAttribute("href")).toBe(
      "/drift",
    );
  });

  it("is absent on a step that did not drift", () => {
    renderBadge("p_other");
    expect(screen.queryByTestId("step-drift-badge")).toBeNull();
  });

  it("speaks Persian with Persian digits", async () => {
    renderBadge("p_track", "fa");
    await userEvent.click(screen.getByTestId("step-drift-badge"));
    const popover = await screen.findByTestId("step-drift-popover");
    expect(popover.textContent).toContain("چه چیزی در «Tracks the parcel» تغییر کرد");
    expect(popover.textContent).toContain("۳۴۴");
  });
});
