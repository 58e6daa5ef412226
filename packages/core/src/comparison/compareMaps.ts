import type { EmotionScale, MapSnapshot, Stage, Step } from "../schemas/journeyMap.js";
import type { Card, LaneType } from "../schemas/lane.js";
import { cardText } from "../cards/cardText.js";
import type { Locale } from "../locale.js";
import { cardSignature } from "./cardSignature.js";
import { matchEntities, normalizeName, sharesLineage } from "./matchEntities.js";

/** How an entity of one map relates to the other. */
export type DiffStatus = "added" | "removed" | "changed" | "unchanged";
/** What differs on a matched step. */
export type StepChange = "name" | "description" | "stage" | "parallel" | "cards";
/** What differs on a matched stage. */
export type StageChange = "name" | "description" | "color";

/** Cards that differ in one lane at one step. */
export interface LaneCardChange {
  laneType: LaneType;
  laneName: string;
  added: string[];
  removed: string[];
}

/** A stage of either map and how it changed. */
export interface StageDiff {
  status: DiffStatus;
  left?: Stage;
  right?: Stage;
  changes: StageChange[];
}

/** A step of either map and how it changed; rows are in the right map's order with removed steps where they were. */
export interface StepDiff {
  status: DiffStatus;
  left?: Step;
  right?: Step;
  leftStage?: Stage;
  rightStage?: Stage;
  changes: StepChange[];
  cardChanges: LaneCardChange[];
}

/** A persona's emotion at a step present in both maps; `delta` is right minus left on the left map's scale. */
export interface EmotionDelta {
  personaId: string;
  leftStepId: string;
  rightStepId: string;
  left: number;
  right: number;
  delta: number;
}

/** A pain point on one side only. */
export interface PainPointDiff {
  card: Extract<Card, { kind: "painPoint" }>;
  stepId: string;
  stepName: string;
}

/** Everything that differs between two maps, e.g. the current state (left) and its future state (right). */
export interface MapComparison {
  /** "lineage" when the maps were paired through `originId` (one was derived from the other), else "name". */
  matchedBy: "lineage" | "name";
  stages: StageDiff[];
  steps: StepDiff[];
  emotionDeltas: EmotionDelta[];
  /** Pain points of the left map that appear nowhere in the right one. */
  resolvedPainPoints: PainPointDiff[];
  /** Pain points of the right map that appear nowhere in the left one. */
  newPainPoints: PainPointDiff[];
  summary: {
    added: number;
    removed: number;
    changed: number;
    unchanged: number;
    resolvedPainPoints: number;
    newPainPoints: number;
  };
}

const same = (a: string | undefined, b: string | undefined) => (a ?? "").trim() === (b ?? "").trim();

function rescale(value: number, from: EmotionScale, to: EmotionScale): number {
  if (from.min === to.min && from.max === to.max) return value;
  return to.min + ((value - from.min) * (to.max - to.min)) / (from.max - from.min);
}

/** Keeps each removed left item right after the nearest earlier left item that is matched. */
function interleave<T>(
  rightRows: Array<{ row: T; leftIndex?: number }>,
  removed: Array<{ row: T; leftIndex: number }>,
): T[] {
  const out = rightRows.map((r) => ({ ...r }));
  for (const item of removed) {
    let at = 0;
    out.forEach((r, i) => {
      if (r.leftIndex !== undefined && r.leftIndex < item.leftIndex) at = i + 1;
    });
    out.splice(at, 0, item);
  }
  return out.map((r) => r.row);
}

function painPoints(map: MapSnapshot): PainPointDiff[] {
  const steps = new Map(map.steps.map((s) => [s.id, s]));
  return map.cells.flatMap((cell) =>
    cell.cards.flatMap((card) =>
      card.kind === "painPoint" ? [{ card, stepId: cell.stepId, stepName: steps.get(cell.stepId)?.name ?? "" }] : [],
    ),
  );
}

/**
 * Compares two maps. Stages, steps and lanes are paired by lineage first (a map derived with `deriveFutureState`
 * remembers each origin), then by name: a step by its stage's name and its own, then by its name alone. So a
 * renamed step of a derived map is "changed", while between unrelated maps a renamed step is "removed" + "added".
 */
export function compareMaps(left: MapSnapshot, right: MapSnapshot, locale: Locale = "en"): MapComparison {
  const cardLabel = (card: Card) => cardText(card, locale);
  const stagePairs = matchEntities(left.stages, right.stages, [(s) => normalizeName(s.name)]);
  const leftStages = new Map<string, Stage>(left.stages.map((s) => [s.id, s]));
  const rightStages = new Map<string, Stage>(right.stages.map((s) => [s.id, s]));
  const stageName = (step: Step, side: "left" | "right") =>
    normalizeName((side === "left" ? leftStages : rightStages).get(step.stageId)?.name ?? "");
  const stepPairs = matchEntities(left.steps, right.steps, [
    (s, side) => `${stageName(s, side)}\u0000${normalizeName(s.name)}`,
    (s) => normalizeName(s.name),
  ]);
  const lanePairs = matchEntities(left.lanes, right.lanes, [
    (l) => `${l.type}\u0000${normalizeName(l.name)}`,
    (l) => l.type,
  ]);
  const leftSteps = new Map<string, Step>(left.steps.map((s) => [s.id, s]));
  const leftLaneOf = new Map([...lanePairs].map(([r, l]) => [l, r]));

  const matchedLeftStages = new Set<string>(stagePairs.values());
  const stages = interleave<StageDiff>(
    right.stages.map((r) => {
      const l = stagePairs.get(r.id) ? leftStages.get(stagePairs.get(r.id)!) : undefined;
      if (!l) return { row: { status: "added" as DiffStatus, right: r, changes: [] }, leftIndex: undefined };
      const changes: StageChange[] = [];
      if (!same(l.name, r.name)) changes.push("name");
      if (!same(l.description, r.description)) changes.push("description");
      if (l.color !== r.color) changes.push("color");
      return {
        row: { status: (changes.length ? "changed" : "unchanged") as DiffStatus, left: l, right: r, changes },
        leftIndex: left.stages.indexOf(l),
      };
    }),
    left.stages.flatMap((l, i) =>
      matchedLeftStages.has(l.id)
        ? []
        : [{ row: { status: "removed" as DiffStatus, left: l, changes: [] }, leftIndex: i }],
    ),
  );

  // Cards per (lane, step), keyed by the right map's lane id so both sides line up.
  const cardsAt = (map: MapSnapshot, side: "left" | "right") => {
    const out = new Map<string, Map<string, Card[]>>();
    for (const cell of map.cells) {
      const laneKey = side === "left" ? (leftLaneOf.get(cell.laneId) ?? `left:${cell.laneId}`) : cell.laneId;
      const byLane = out.get(cell.stepId) ?? new Map<string, Card[]>();
      byLane.set(laneKey, [...(byLane.get(laneKey) ?? []), ...cell.cards]);
      out.set(cell.stepId, byLane);
    }
    return out;
  };
  const leftCards = cardsAt(left, "left");
  const rightCards = cardsAt(right, "right");
  const laneInfo = new Map([
    ...left.lanes.map((l) => [leftLaneOf.get(l.id) ?? `left:${l.id}`, l] as const),
    ...right.lanes.map((l) => [l.id, l] as const),
  ]);

  const cardChanges = (leftStepId: string, rightStepId: string): LaneCardChange[] => {
    const l = leftCards.get(leftStepId) ?? new Map<string, Card[]>();
    const r = rightCards.get(rightStepId) ?? new Map<string, Card[]>();
    const out: LaneCardChange[] = [];
    for (const laneKey of new Set([...l.keys(), ...r.keys()])) {
      const remaining = new Map<string, Card[]>();
      for (const card of l.get(laneKey) ?? [])
        remaining.set(cardSignature(card), [...(remaining.get(cardSignature(card)) ?? []), card]);
      const added: string[] = [];
      for (const card of r.get(laneKey) ?? []) {
        const twins = remaining.get(cardSignature(card));
        if (twins?.length) twins.shift();
        else added.push(cardLabel(card));
      }
      const removed = [...remaining.values()].flat().map(cardLabel);
      const lane = laneInfo.get(laneKey)!;
      if (added.length || removed.length) out.push({ laneType: lane.type, laneName: lane.name, added, removed });
    }
    return out;
  };

  const matchedLeftSteps = new Set<string>(stepPairs.values());
  const steps = interleave<StepDiff>(
    right.steps.map((r) => {
      const l = stepPairs.has(r.id) ? leftSteps.get(stepPairs.get(r.id)!) : undefined;
      const rightStage = rightStages.get(r.stageId);
      if (!l)
        return {
          row: { status: "added" as DiffStatus, right: r, rightStage, changes: [], cardChanges: cardChanges("", r.id) },
          leftIndex: undefined,
        };
      const changes: StepChange[] = [];
      if (!same(l.name, r.name)) changes.push("name");
      if (!same(l.description, r.description)) changes.push("description");
      if (stagePairs.get(r.stageId) !== l.stageId) changes.push("stage");
      if (l.parallel !== r.parallel) changes.push("parallel");
      const cards = cardChanges(l.id, r.id);
      if (cards.length) changes.push("cards");
      const row: StepDiff = {
        status: changes.length ? "changed" : "unchanged",
        left: l,
        right: r,
        leftStage: leftStages.get(l.stageId),
        rightStage,
        changes,
        cardChanges: cards,
      };
      return { row, leftIndex: left.steps.indexOf(l) };
    }),
    left.steps.flatMap((l, i) =>
      matchedLeftSteps.has(l.id)
        ? []
        : [
            {
              row: {
                status: "removed" as DiffStatus,
                left: l,
                leftStage: leftStages.get(l.stageId),
                changes: [],
                cardChanges: [],
              } as StepDiff,
              leftIndex: i,
            },
          ],
    ),
  );

  const leftEmotion = new Map(left.emotions.map((e) => [`${e.personaId}:${e.stepId}`, e.value]));
  const emotionDeltas: EmotionDelta[] = [];
  for (const e of right.emotions) {
    const leftStepId = stepPairs.get(e.stepId);
    const before = leftStepId === undefined ? undefined : leftEmotion.get(`${e.personaId}:${leftStepId}`);
    if (leftStepId === undefined || before === undefined) continue;
    const after = rescale(e.value, right.settings.emotionScale, left.settings.emotionScale);
    emotionDeltas.push({
      personaId: e.personaId,
      leftStepId,
      rightStepId: e.stepId,
      left: before,
      right: e.value,
      delta: Math.round((after - before) * 100) / 100,
    });
  }

  const key = (p: PainPointDiff) => normalizeName(p.card.text);
  const leftPains = painPoints(left);
  const rightPains = painPoints(right);
  const rightKeys = new Set(rightPains.map(key));
  const leftKeys = new Set(leftPains.map(key));
  const resolvedPainPoints = leftPains.filter((p) => !rightKeys.has(key(p)));
  const newPainPoints = rightPains.filter((p) => !leftKeys.has(key(p)));
  const count = (status: DiffStatus) => steps.filter((s) => s.status === status).length;

  return {
    matchedBy: sharesLineage(left.steps, right.steps) ? "lineage" : "name",
    stages,
    steps,
    emotionDeltas,
    resolvedPainPoints,
    newPainPoints,
    summary: {
      added: count("added"),
      removed: count("removed"),
      changed: count("changed"),
      unchanged: count("unchanged"),
      resolvedPainPoints: resolvedPainPoints.length,
      newPainPoints: newPainPoints.length,
    },
  };
}
