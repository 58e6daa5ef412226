import { newId } from "../ids.js";
import type { Locale } from "../locale.js";
import { MapSnapshotSchema, type MapSnapshot, type MapType } from "../schemas/journeyMap.js";
import type { LaneType } from "../schemas/lane.js";
import { LANE_NAMES } from "./laneNames.js";

/** Lanes a blank map starts with: the core of every journey map, the rest can be added in the editor. */
const BLANK_LANES: readonly LaneType[] = [
  "actions",
  "touchpoints",
  "thoughts",
  "emotion",
  "painPoints",
  "opportunities",
];

/** A blank map body (the web's "Blank map" and `cjm map create` without a template): one stage with one step and the basic lanes, named in the map's language. */
export function blankMap(input: {
  title: string;
  type: MapType;
  locale: Locale;
  goal: string;
  personaIds: string[];
  stageName: string;
  stepName: string;
}): MapSnapshot {
  const stageId = newId();
  // Fractional-index keys in increasing order ("a0" < "a1" < …), as the document would assign them.
  const order = (i: number) => `a${i}`;
  return MapSnapshotSchema.parse({
    version: 1,
    settings: {
      title: input.title,
      type: input.type,
      locale: input.locale,
      goal: input.goal,
      personaIds: input.personaIds,
    },
    stages: [{ id: stageId, name: input.stageName, order: order(0) }],
    steps: [{ id: newId(), stageId, name: input.stepName, order: order(0) }],
    lanes: BLANK_LANES.map((type, i) => ({ id: newId(), type, name: LANE_NAMES[type][input.locale], order: order(i) })),
    cells: [],
    emotions: [],
  });
}
