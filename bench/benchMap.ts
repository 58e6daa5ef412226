// The 40-step × 20-lane map the editor and PDF benchmarks open: 19 card lanes cycling through text-carrying lane
// types, one emotion lane with a curve, 8 stages of 5 steps.
import {
  applyMapOperations,
  createMapDocument,
  docToSnapshot,
  LANE_NAMES,
  MapSettingsSchema,
  type CardContentInput,
  type LaneType,
  type MapOperation,
  type MapSnapshot,
} from "@opencjm/core";

export const STEPS = 40;
export const LANES = 20;

function card(type: LaneType, text: string): CardContentInput {
  switch (type) {
    case "actions":
      return { kind: "action", text };
    case "thoughts":
      return { kind: "thought", text, question: true };
    case "painPoints":
      return { kind: "painPoint", text, severity: 3 };
    case "opportunities":
      return { kind: "opportunity", text };
    case "expectations":
      return { kind: "expectation", text };
    case "risks":
      return { kind: "risk", text };
    case "quotes":
      return { kind: "quote", text, source: "Interview 4" };
    case "frontstage":
    case "backstage":
    case "support":
      return { kind: "process", text };
    default:
      return { kind: "text", text };
  }
}

/** How the map is filled: lane types cycled over the card lanes, cards per cell, and where the emotion lane goes. */
export interface BenchMapShape {
  laneTypes: LaneType[];
  cardsPerCell: number;
  /** Index of the card lane the emotion lane follows; after the last one when omitted. */
  emotionAfterLane?: number;
}

/** The benchmark map for one persona (its emotion curve a slow sine). */
export function benchMap(personaId: string, shape: BenchMapShape): MapSnapshot {
  const doc = createMapDocument(
    MapSettingsSchema.parse({ title: "Benchmark: 40 steps × 20 lanes", type: "currentState", personaIds: [personaId] }),
  );
  const ops: MapOperation[] = [];
  const lanes: Array<[string, LaneType]> = [];
  const emotionAfter = shape.emotionAfterLane ?? LANES - 2;
  for (let l = 0; l < LANES - 1; l++) {
    const type = shape.laneTypes[l % shape.laneTypes.length]!;
    lanes.push([`lane${l}`, type]);
    ops.push({ op: "addLane", id: `lane${l}`, type, name: `${LANE_NAMES[type].en} ${l + 1}` });
    if (l === emotionAfter) ops.push({ op: "addLane", id: "feel", type: "emotion", name: "Emotions" });
  }
  for (let s = 0; s < STEPS; s++) {
    if (s % 5 === 0) ops.push({ op: "addStage", id: `stage${s / 5}`, name: `Stage ${s / 5 + 1}` });
    ops.push({ op: "addStep", id: `step${s}`, stageId: `stage${Math.floor(s / 5)}`, name: `Step ${s + 1}` });
    for (const [laneId, type] of lanes) {
      for (let k = 0; k < shape.cardsPerCell; k++) {
        const label = shape.cardsPerCell > 1 ? `${s + 1}.${laneId.slice(4)}.${k + 1}` : `${s + 1}.${laneId.slice(4)}`;
        ops.push({
          op: "addCard",
          laneId,
          stepId: `step${s}`,
          card: card(type, `Card ${label}: the customer compares two offers`),
        });
      }
    }
    ops.push({ op: "setEmotion", personaId, stepId: `step${s}`, value: Math.round(Math.sin(s / 3) * 2) });
  }
  applyMapOperations(doc, ops);
  return docToSnapshot(doc);
}
