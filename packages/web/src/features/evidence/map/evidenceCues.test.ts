import type { MapMetrics } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { shopMetrics, stepMetrics } from "../testing/evidenceTestKit.js";
import { evidenceCues } from "./evidenceCues.js";

/**
 * A shoe shop measured over four stages, as the demo: Browse → Checkout (cart, pay) → Delivery (track, pick up at the
 * parcel shop) → After purchase (review). Most carts are lost before paying; after paying, few track the parcel,
 * and only a quarter of those who pick it up write a review (74.7 %, the largest share, and no loss at all).
 */
function shoeMetrics(): MapMetrics {
  const base = shopMetrics();
  const stage = (stageId: string) => ({ ...base.stages[0]!, stageId, name: stageId });
  const step = (stepId: string, stageId: string, level: number, customers: number, next: number | null) =>
    stepMetrics({
      stepId,
      stageId,
      name: stepId,
      level,
      customers,
      conversion:
        next === null
          ? null
          : {
              nextIds: [],
              converted: next,
              rate: next / customers,
              dropOff: customers - next,
              dropOffRate: 1 - next / customers,
              timeToNext: { count: next, medianMs: null, p90Ms: null },
            },
    });
  return {
    ...base,
    stages: ["browse", "checkout", "delivery", "after"].map(stage),
    steps: [
      step("look", "browse", 0, 1000, 450), // 55 %
      step("cart", "checkout", 1, 450, 250), // 44 %
      step("pay", "checkout", 2, 250, 248), // 1 %
      step("track", "delivery", 3, 248, 99), // 60 %
      step("pickup", "delivery", 4, 99, 25), // 74.7 %
      step("review", "after", 5, 25, null),
    ],
  };
}

describe("where most customers leave", () => {
  it("points at the step losing the largest share before the marked goal, not at the steps after it", () => {
    const cues = evidenceCues(shoeMetrics(), "pay");
    expect(cues.worstDropOffStepId).toBe("look");
    expect([...cues.journeyEndStepIds].sort()).toEqual(["pay", "pickup", "review", "track"]);
  });

  it("never calls the optional steps after the goal drop-off, however many stop there", () => {
    // Tracking the parcel is optional too once the goal is paying: its 60 % does not count either.
    expect(evidenceCues(shoeMetrics(), "pay").worstDropOffStepId).not.toMatch(/track|pickup/);
    expect(evidenceCues(shoeMetrics(), "track").worstDropOffStepId).toBe("look");
  });

  it("without a goal, does not blame the step leading into the last stage (the parcel-shop pick-up)", () => {
    const cues = evidenceCues(shoeMetrics(), null);
    expect(cues.worstDropOffStepId).toBe("track");
    expect([...cues.journeyEndStepIds].sort()).toEqual(["pickup", "review"]);
  });

  it("measures the whole journey when the last step is marked as the goal", () => {
    expect(evidenceCues(shoeMetrics(), "review").worstDropOffStepId).toBe("pickup");
  });

  it("measures a two-stage journey without a goal whole (as before)", () => {
    expect(evidenceCues(shopMetrics()).worstDropOffStepId).toBe("product");
    expect(evidenceCues(shopMetrics()).journeyEndStepIds.size).toBe(0);
  });

  it("never points at the journey's goal or the optional steps after it", () => {
    // Product loses 75 % (most), Home 40 %: with Product as the goal, leaving after it is the journey's natural end.
    const cues = evidenceCues(shopMetrics(), "product");
    expect(cues.worstDropOffStepId).toBe("home");
    expect([...cues.journeyEndStepIds].sort()).toEqual(["checkout", "product"]);
  });

  it("shows no drop-off cue when the goal is the first step", () => {
    expect(evidenceCues(shopMetrics(), "home").worstDropOffStepId).toBeNull();
  });

  it("still warns about negative feedback after the goal", () => {
    expect(evidenceCues(shopMetrics(), "product").worstSentimentStepId).toBe("checkout");
  });

  it("behaves as without a goal when the goal step is not measured (deleted since)", () => {
    expect(evidenceCues(shopMetrics(), "gone").worstDropOffStepId).toBe("product");
    expect(evidenceCues(shoeMetrics(), "gone").worstDropOffStepId).toBe("pickup");
  });
});
