import type { Lane, LaneType } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { blueprintLines } from "./blueprintLines.js";

const lanes = (...types: LaneType[]) =>
  types.map((type, i) => ({ id: `l${i}`, type, name: type, collapsed: false, hidden: false, order: `a${i}` }) as Lane);

describe("service blueprint lines", () => {
  it("draws interaction, visibility and internal interaction between the layers", () => {
    const lines = blueprintLines(lanes("actions", "touchpoints", "frontstage", "backstage", "support"));
    expect([...lines]).toEqual([
      ["l2", ["interaction"]],
      ["l3", ["visibility"]],
      ["l4", ["internal"]],
    ]);
  });

  it("gives a lane every line it crosses when layers are skipped, and none when going back up", () => {
    expect([...blueprintLines(lanes("actions", "backstage", "painPoints", "support"))]).toEqual([
      ["l1", ["interaction", "visibility"]],
      ["l3", ["interaction", "visibility", "internal"]],
    ]);
  });

  it("draws nothing on a map without blueprint lanes, or above a first lane", () => {
    expect(blueprintLines(lanes("actions", "emotion")).size).toBe(0);
    expect(blueprintLines(lanes("frontstage", "backstage")).get("l0")).toBeUndefined();
  });
});
