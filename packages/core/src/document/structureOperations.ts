import type * as Y from "yjs";
import { newId } from "../ids.js";
import { mapRoots, requireEntity, toEntity } from "./mapDocument.js";
import type { MapOperation } from "./mapOperation.js";
import { keyForPosition, siblingsOf } from "./position.js";

type Op<K extends MapOperation["op"]> = Extract<MapOperation, { op: K }>;

/** Adds a stage; returns its id. */
export function addStage(doc: Y.Doc, op: Op<"addStage">): string {
  const { stages } = mapRoots(doc);
  const id = op.id ?? newId();
  const order = keyForPosition(siblingsOf(stages, () => true), op.position);
  stages.set(id, toEntity({ name: op.name, description: op.description ?? "", color: op.color, order }));
  return id;
}

/** Renames, recolours or re-describes a stage; `color: null` removes the colour. */
export function updateStage(doc: Y.Doc, op: Op<"updateStage">): void {
  const stage = requireEntity(doc, "stages", op.stageId, "stageId");
  if (op.name !== undefined) stage.set("name", op.name);
  if (op.description !== undefined) stage.set("description", op.description);
  if (op.color === null) stage.delete("color");
  else if (op.color !== undefined) stage.set("color", op.color);
}

/** Moves a stage among the stages. */
export function moveStage(doc: Y.Doc, op: Op<"moveStage">): void {
  const stage = requireEntity(doc, "stages", op.stageId, "stageId");
  stage.set("order", keyForPosition(siblingsOf(mapRoots(doc).stages, () => true, op.stageId), op.position));
}

/** Deletes a stage with its steps and everything on them. */
export function deleteStage(doc: Y.Doc, op: Op<"deleteStage">): void {
  requireEntity(doc, "stages", op.stageId, "stageId");
  const { stages, steps } = mapRoots(doc);
  for (const [stepId, step] of [...steps.entries()]) if (step.get("stageId") === op.stageId) removeStep(doc, stepId);
  stages.delete(op.stageId);
}

/** Adds a step to a stage; returns its id. */
export function addStep(doc: Y.Doc, op: Op<"addStep">): string {
  requireEntity(doc, "stages", op.stageId, "stageId");
  const { steps } = mapRoots(doc);
  const id = op.id ?? newId();
  const order = keyForPosition(siblingsOf(steps, (s) => s.get("stageId") === op.stageId), op.position);
  steps.set(id, toEntity({ stageId: op.stageId, name: op.name, description: op.description ?? "", parallel: op.parallel ?? false, order }));
  return id;
}

/** Renames a step, changes its description or parallel flag. */
export function updateStep(doc: Y.Doc, op: Op<"updateStep">): void {
  const step = requireEntity(doc, "steps", op.stepId, "stepId");
  if (op.name !== undefined) step.set("name", op.name);
  if (op.description !== undefined) step.set("description", op.description);
  if (op.parallel !== undefined) step.set("parallel", op.parallel);
}

/** Moves a step within its stage or into another stage (at the end unless a position is given). */
export function moveStep(doc: Y.Doc, op: Op<"moveStep">): void {
  const step = requireEntity(doc, "steps", op.stepId, "stepId");
  const stageId = op.stageId ?? String(step.get("stageId"));
  requireEntity(doc, "stages", stageId, "stageId");
  const siblings = siblingsOf(mapRoots(doc).steps, (s) => s.get("stageId") === stageId, op.stepId);
  step.set("order", keyForPosition(siblings, op.position));
  if (step.get("stageId") !== stageId) step.set("stageId", stageId);
}

/** Deletes a step with its cards and emotion points. */
export function deleteStep(doc: Y.Doc, op: Op<"deleteStep">): void {
  requireEntity(doc, "steps", op.stepId, "stepId");
  removeStep(doc, op.stepId);
}

function removeStep(doc: Y.Doc, stepId: string): void {
  const { steps, cards, emotions } = mapRoots(doc);
  for (const [cardId, card] of [...cards.entries()]) if (card.get("stepId") === stepId) cards.delete(cardId);
  for (const key of [...emotions.keys()]) if (key.endsWith(`:${stepId}`)) emotions.delete(key);
  steps.delete(stepId);
}

/** Adds a lane; returns its id. */
export function addLane(doc: Y.Doc, op: Op<"addLane">): string {
  const { lanes } = mapRoots(doc);
  const id = op.id ?? newId();
  const order = keyForPosition(siblingsOf(lanes, () => true), op.position);
  lanes.set(id, toEntity({ type: op.type, name: op.name, color: op.color, collapsed: false, hidden: false, order }));
  return id;
}

/** Renames, recolours, collapses or hides a lane. */
export function updateLane(doc: Y.Doc, op: Op<"updateLane">): void {
  const lane = requireEntity(doc, "lanes", op.laneId, "laneId");
  if (op.name !== undefined) lane.set("name", op.name);
  if (op.collapsed !== undefined) lane.set("collapsed", op.collapsed);
  if (op.hidden !== undefined) lane.set("hidden", op.hidden);
  if (op.color === null) lane.delete("color");
  else if (op.color !== undefined) lane.set("color", op.color);
}

/** Moves a lane among the lanes. */
export function moveLane(doc: Y.Doc, op: Op<"moveLane">): void {
  const lane = requireEntity(doc, "lanes", op.laneId, "laneId");
  lane.set("order", keyForPosition(siblingsOf(mapRoots(doc).lanes, () => true, op.laneId), op.position));
}

/** Deletes a lane with its cards (and, for the emotion lane, nothing else: emotions belong to steps and personas). */
export function deleteLane(doc: Y.Doc, op: Op<"deleteLane">): void {
  requireEntity(doc, "lanes", op.laneId, "laneId");
  const { lanes, cards } = mapRoots(doc);
  for (const [cardId, card] of [...cards.entries()]) if (card.get("laneId") === op.laneId) cards.delete(cardId);
  lanes.delete(op.laneId);
}
