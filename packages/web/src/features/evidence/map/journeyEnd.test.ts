import { describe, expect, it } from "vitest";
import { journeyEnd, type JourneyStep } from "./journeyEnd.js";

/** Browse → Checkout (cart, pay) → Delivery (track, pick up) → After purchase (review, or in parallel a return). */
const STAGES = ["browse", "checkout", "delivery", "after"];
const STEPS: JourneyStep[] = [
  { stepId: "look", stageId: "browse", level: 0 },
  { stepId: "cart", stageId: "checkout", level: 1 },
  { stepId: "pay", stageId: "checkout", level: 2 },
  { stepId: "track", stageId: "delivery", level: 3 },
  { stepId: "pickup", stageId: "delivery", level: 4 },
  { stepId: "review", stageId: "after", level: 5 },
  { stepId: "return", stageId: "after", level: 5 },
];
const ids = (end: ReturnType<typeof journeyEnd>) => [...end.stepIds].sort();

describe("where a journey ends", () => {
  it("is its marked goal and every step after it", () => {
    const end = journeyEnd(STEPS, STAGES, "pay");
    expect(ids(end)).toEqual(["pay", "pickup", "return", "review", "track"]);
    expect(end).toMatchObject({ goalStageId: "checkout", assumed: false });
  });

  it("leaves out a parallel alternative to the goal: customers stopping there never reached it", () => {
    expect(ids(journeyEnd(STEPS, STAGES, "review"))).toEqual(["review"]);
  });

  it("without a mark, is assumed just before the last stage: the step leading into it and the stage itself", () => {
    const end = journeyEnd(STEPS, STAGES, null);
    expect(ids(end)).toEqual(["pickup", "return", "review"]);
    expect(end).toMatchObject({ goalStageId: "delivery", assumed: true });
  });

  it("without a mark, skips empty stages when finding the last one", () => {
    expect(ids(journeyEnd(STEPS, [...STAGES, "empty"], undefined))).toEqual(["pickup", "return", "review"]);
  });

  it("counts a journey of fewer than three stages whole when no goal is marked", () => {
    const short = STEPS.filter((s) => s.stageId === "checkout" || s.stageId === "delivery");
    expect(journeyEnd(short, STAGES, null)).toEqual({ stepIds: new Set(), goalStageId: null, assumed: false });
  });

  it("counts the whole journey when the goal is not among the steps (measured before it was added)", () => {
    expect(journeyEnd(STEPS, STAGES, "gone")).toEqual({ stepIds: new Set(), goalStageId: null, assumed: false });
  });
});
