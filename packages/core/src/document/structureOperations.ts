import type * as Y from "yjs";
import { newId } from "../ids.js";
import { cellOfKey, parentKeyOf, type MapIndex } from "./MapIndex.js";
import { mapLimitError, MAP_LIMITS } from "./mapLimits.js";
import { mapRoots, requireEntity, toEntity, type Entity, type EntityRoot } from "./mapDocument.js";
import type { MapOperation } from "./mapOperation.js";
import { keyForPosition } from "./position.js";

type Op<K extends MapOperation["op"]> = Extract<MapOperation, { op: K }>;

/** Refuses a new stage, step or lane past its limit (an add that replaces an entity with the same id adds nothing). */
function requireRoom(doc: Y.Doc, index: MapIndex, root: "stages" | "steps" | "lanes", id: string): void {
  const count = index.of(root).count();
  if (count >= MAP_LIMITS[root] && !mapRoots(doc)[root].has(id)) throw mapLimitError(root, count + 1);
}

/** Stores an entity under its id and records it in the index (an add with an existing id replaces that entity). */
export function putEntity(doc: Y.Doc, index: MapIndex, root: EntityRoot, id: string, entity: Entity): void {
  const target = mapRoots(doc)[root];
  const previous = target.get(id);
  if (previous) index.of(root).remove(parentKeyOf(root, previous), id);
  target.set(id, entity);
  index.of(root).insert(parentKeyOf(root, entity), { id, order: String(entity.get("order")) });
}

/** Gives an entity a new order key (and, through `change`, a new parent), keeping the index in step. */
export function placeEntity(
  index: MapIndex,
  root: EntityRoot,
  id: string,
  entity: Entity,
  order: string,
  change: () => void = () => {},
): void {
  index.of(root).remove(parentKeyOf(root, entity), id);
  entity.set("order", order);
  change();
  index.of(root).insert(parentKeyOf(root, entity), { id, order });
}

/** Adds a stage; returns its id. */
export function addStage(doc: Y.Doc, op: Op<"addStage">, index: MapIndex): string {
  const id = op.id ?? newId();
  requireRoom(doc, index, "stages", id);
  const order = keyForPosition(index.of("stages").siblings(""), op.position);
  putEntity(
    doc,
    index,
    "stages",
    id,
    toEntity({ name: op.name, description: op.description ?? "", color: op.color, order }),
  );
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
export function moveStage(doc: Y.Doc, op: Op<"moveStage">, index: MapIndex): void {
  const stage = requireEntity(doc, "stages", op.stageId, "stageId");
  placeEntity(
    index,
    "stages",
    op.stageId,
    stage,
    keyForPosition(index.of("stages").siblings("", op.stageId), op.position),
  );
}

/** Deletes a stage with its steps and everything on them. */
export function deleteStage(doc: Y.Doc, op: Op<"deleteStage">, index: MapIndex): void {
  requireEntity(doc, "stages", op.stageId, "stageId");
  removeSteps(doc, index, new Set(index.of("steps").removeParent(op.stageId)));
  mapRoots(doc).stages.delete(op.stageId);
  index.of("stages").remove("", op.stageId);
}

/** Adds a step to a stage; returns its id. */
export function addStep(doc: Y.Doc, op: Op<"addStep">, index: MapIndex): string {
  requireEntity(doc, "stages", op.stageId, "stageId");
  const id = op.id ?? newId();
  requireRoom(doc, index, "steps", id);
  const order = keyForPosition(index.of("steps").siblings(op.stageId), op.position);
  putEntity(
    doc,
    index,
    "steps",
    id,
    toEntity({
      stageId: op.stageId,
      name: op.name,
      description: op.description ?? "",
      parallel: op.parallel ?? false,
      order,
    }),
  );
  return id;
}

/** Renames a step, changes its description or parallel flag, or marks it as the journey's goal (or unmarks it). */
export function updateStep(doc: Y.Doc, op: Op<"updateStep">): void {
  const step = requireEntity(doc, "steps", op.stepId, "stepId");
  if (op.name !== undefined) step.set("name", op.name);
  if (op.description !== undefined) step.set("description", op.description);
  if (op.parallel !== undefined) step.set("parallel", op.parallel);
  if (op.goal === false) step.delete("goal");
  if (op.goal === true) {
    // A journey has one goal: marking a step moves the mark from wherever it was.
    for (const other of mapRoots(doc).steps.values()) if (other !== step && other.has("goal")) other.delete("goal");
    step.set("goal", true);
  }
}

/** Moves a step within its stage or into another stage (at the end unless a position is given). */
export function moveStep(doc: Y.Doc, op: Op<"moveStep">, index: MapIndex): void {
  const step = requireEntity(doc, "steps", op.stepId, "stepId");
  const stageId = op.stageId ?? String(step.get("stageId"));
  requireEntity(doc, "stages", stageId, "stageId");
  const order = keyForPosition(index.of("steps").siblings(stageId, op.stepId), op.position);
  placeEntity(
    index,
    "steps",
    op.stepId,
    step,
    order,
    () => step.get("stageId") !== stageId && step.set("stageId", stageId),
  );
}

/** Deletes a step with its cards and emotion points. */
export function deleteStep(doc: Y.Doc, op: Op<"deleteStep">, index: MapIndex): void {
  const step = requireEntity(doc, "steps", op.stepId, "stepId");
  index.of("steps").remove(parentKeyOf("steps", step), op.stepId);
  removeSteps(doc, index, new Set([op.stepId]));
}

/** Removes steps with their cards and emotion points, in one pass over the cells and one over the emotions. */
function removeSteps(doc: Y.Doc, index: MapIndex, stepIds: ReadonlySet<string>): void {
  if (stepIds.size === 0) return;
  const { steps, cards, emotions } = mapRoots(doc);
  const cardGroups = index.of("cards");
  for (const cell of cardGroups.parents()) {
    if (stepIds.has(cellOfKey(cell).stepId)) for (const cardId of cardGroups.removeParent(cell)) cards.delete(cardId);
  }
  const emotionKeys = index.emotionKeys();
  for (const key of [...emotionKeys]) {
    if (!stepIds.has(key.slice(key.lastIndexOf(":") + 1))) continue;
    emotions.delete(key);
    emotionKeys.delete(key);
  }
  for (const stepId of stepIds) steps.delete(stepId);
}

/** Adds a lane; returns its id. */
export function addLane(doc: Y.Doc, op: Op<"addLane">, index: MapIndex): string {
  const id = op.id ?? newId();
  requireRoom(doc, index, "lanes", id);
  const order = keyForPosition(index.of("lanes").siblings(""), op.position);
  putEntity(
    doc,
    index,
    "lanes",
    id,
    toEntity({ type: op.type, name: op.name, color: op.color, collapsed: false, hidden: false, order }),
  );
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
export function moveLane(doc: Y.Doc, op: Op<"moveLane">, index: MapIndex): void {
  const lane = requireEntity(doc, "lanes", op.laneId, "laneId");
  placeEntity(index, "lanes", op.laneId, lane, keyForPosition(index.of("lanes").siblings("", op.laneId), op.position));
}

/** Deletes a lane with its cards (and, for the emotion lane, nothing else: emotions belong to steps and personas). */
export function deleteLane(doc: Y.Doc, op: Op<"deleteLane">, index: MapIndex): void {
  requireEntity(doc, "lanes", op.laneId, "laneId");
  const { lanes, cards } = mapRoots(doc);
  const cardGroups = index.of("cards");
  for (const cell of cardGroups.parents()) {
    if (cellOfKey(cell).laneId === op.laneId) for (const cardId of cardGroups.removeParent(cell)) cards.delete(cardId);
  }
  lanes.delete(op.laneId);
  index.of("lanes").remove("", op.laneId);
}
