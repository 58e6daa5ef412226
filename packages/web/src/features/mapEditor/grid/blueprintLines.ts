import type { Lane, LaneType } from "@opencjm/core";

/** The three lines of a service blueprint (PRODUCT.md §4.3). */
export type BlueprintLine = "interaction" | "visibility" | "internal";

const LAYER: Partial<Record<LaneType, number>> = { frontstage: 1, backstage: 2, support: 3 };
const BOUNDARIES: Array<[BlueprintLine, number]> = [
  ["interaction", 1],
  ["visibility", 2],
  ["internal", 3],
];

/**
 * Where the blueprint lines go among the lanes shown: before a lane that goes deeper than the lane above it — from the
 * customer's lanes into frontstage (line of interaction), from frontstage into backstage (line of visibility), from
 * backstage into support processes (line of internal interaction). A lane skipping layers gets every line it crosses.
 */
export function blueprintLines(lanes: readonly Lane[]): Map<string, BlueprintLine[]> {
  const out = new Map<string, BlueprintLine[]>();
  if (!lanes.some((l) => LAYER[l.type] !== undefined)) return out;
  let previous = 0;
  lanes.forEach((lane, i) => {
    const layer = LAYER[lane.type] ?? 0;
    if (i > 0 && layer > previous) {
      const crossed = BOUNDARIES.filter(([, at]) => previous < at && layer >= at).map(([line]) => line);
      if (crossed.length > 0) out.set(lane.id, crossed);
    }
    previous = layer;
  });
  return out;
}
