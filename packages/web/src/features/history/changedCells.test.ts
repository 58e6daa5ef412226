import type { MapSnapshot } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { changedCells } from "./changedCells.js";

const card = (id: string, text: string) => ({ id, kind: "action", text });
const snapshot = (cells: Array<[string, string, Array<ReturnType<typeof card>>]>) =>
  ({ cells: cells.map(([laneId, stepId, cards]) => ({ laneId, stepId, cards })) }) as unknown as MapSnapshot;

describe("cells marked when two versions are compared", () => {
  it("marks cells whose cards were added, removed or edited, and no others", () => {
    const older = snapshot([
      ["l1", "s1", [card("a", "Same")]],
      ["l1", "s2", [card("b", "Before")]],
      ["l2", "s1", [card("c", "Gone")]],
    ]);
    const newer = snapshot([
      ["l1", "s1", [card("a", "Same")]],
      ["l1", "s2", [card("b", "After")]],
      ["l2", "s2", [card("d", "New")]],
    ]);
    expect([...changedCells(older, newer)].sort()).toEqual(["l1:s2", "l2:s1", "l2:s2"]);
  });
});
