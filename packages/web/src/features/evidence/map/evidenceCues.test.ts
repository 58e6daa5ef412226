import { describe, expect, it } from "vitest";
import { shopMetrics } from "../testing/evidenceTestKit.js";
import { evidenceCues, stepsFromGoal } from "./evidenceCues.js";

describe("where most customers leave", () => {
  it("points at the step losing the largest share when the map has no goal (as before)", () => {
    expect(evidenceCues(shopMetrics()).worstDropOffStepId).toBe("product");
  });

  it("never points at the journey's goal or the optional steps after it", () => {
    // Product loses 75 % (most), Home 40 %: with Product as the goal, leaving after it is the journey's natural end.
    const cues = evidenceCues(shopMetrics(), "product");
    expect(cues.worstDropOffStepId).toBe("home");
    expect([...stepsFromGoal(shopMetrics(), "product")].sort()).toEqual(["checkout", "product"]);
  });

  it("shows no drop-off cue when the goal is the first step", () => {
    expect(evidenceCues(shopMetrics(), "home").worstDropOffStepId).toBeNull();
  });

  it("still warns about negative feedback after the goal", () => {
    expect(evidenceCues(shopMetrics(), "product").worstSentimentStepId).toBe("checkout");
  });

  it("behaves as without a goal when the goal step is not measured (deleted since)", () => {
    expect(evidenceCues(shopMetrics(), "gone").worstDropOffStepId).toBe("product");
    expect(stepsFromGoal(shopMetrics(), null).size).toBe(0);
  });
});
