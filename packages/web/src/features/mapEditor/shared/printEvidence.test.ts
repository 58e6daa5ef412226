import { describe, expect, it } from "vitest";
import { shopMetrics } from "../../evidence/testing/evidenceTestKit.js";
import { printEvidence } from "./printEvidence.js";

describe("a printed map's data view", () => {
  it("marks where most customers leave only before the journey's goal, as the editor does", () => {
    expect(printEvidence(shopMetrics(), null).worstDropOffStepId).toBe("product");
    expect(printEvidence(shopMetrics(), "product").worstDropOffStepId).toBe("home");
  });

  it("prints every step's figures with data on and no filter", () => {
    const evidence = printEvidence(shopMetrics(), null);
    expect(evidence.shown).toBe(true);
    expect(evidence.filters).toEqual({ channels: [] });
    expect([...evidence.steps.keys()]).toEqual(shopMetrics().steps.map((s) => s.stepId));
  });
});
