import type { Card } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { mapTargets } from "./mapTargets.js";

const card = (fields: Record<string, unknown>) => fields as unknown as Card;

describe("what of a map a highlight can be about", () => {
  it("lists steps and stages in the map's order, and touchpoint and pain point cards by their step and words", () => {
    const targets = mapTargets(
      {
        stages: [{ id: "g1", name: "Consideration" }] as never,
        steps: [
          { id: "s1", stageId: "g1", name: "Search" },
          { id: "s2", stageId: "g1", name: "" },
        ] as never,
        lanes: [],
        // Branded ids are only a compile-time matter; the test's plain strings stand for them.
        cells: [
          { laneId: "pain", stepId: "s2", cards: [card({ id: "c2", kind: "painPoint", text: "Fees show late" })] },
          {
            laneId: "tp",
            stepId: "s1",
            cards: [
              card({ id: "c1", kind: "touchpoint", touchpointId: "tp1", note: "" }),
              card({ id: "c3", kind: "action", text: "Types a query" }),
            ],
          },
        ] as never,
      },
      (id) => (id === "tp1" ? "Search engine" : undefined),
      "Untitled",
    );
    expect(targets.step).toEqual([
      { id: "s1", label: "Search" },
      { id: "s2", label: "Untitled" },
    ]);
    expect(targets.stage).toEqual([{ id: "g1", label: "Consideration" }]);
    expect(targets.touchpoint).toEqual([{ id: "c1", label: "Search · Search engine" }]);
    expect(targets.painPoint).toEqual([{ id: "c2", label: "Untitled · Fees show late" }]);
  });
});
