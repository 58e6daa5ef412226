import * as Y from "yjs";
import { MAP_DOCUMENT_VERSION, type MapSettings } from "../schemas/journeyMap.js";
import { MapOperationError } from "./MapOperationError.js";

/**
 * Layout of a map body in Yjs. Every entity is a Y.Map of its fields in a flat top-level map keyed by id, so two
 * people editing different fields of one card, or adding cards to the same empty cell, never overwrite each other.
 * Cards live in one flat `cards` map (not nested per cell) for the same reason; a cell is the cards sharing a lane and step.
 */
export const MAP_ROOTS = {
  meta: "meta",
  settings: "settings",
  stages: "stages",
  steps: "steps",
  lanes: "lanes",
  cards: "cards",
  emotions: "emotions",
} as const;

export type EntityRoot = "stages" | "steps" | "lanes" | "cards";
/** A stored entity: its fields as a Y.Map (values are JSON). */
export type Entity = Y.Map<unknown>;

/** The top-level maps of a map document. */
export function mapRoots(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>(MAP_ROOTS.meta),
    settings: doc.getMap<unknown>(MAP_ROOTS.settings),
    stages: doc.getMap<Entity>(MAP_ROOTS.stages),
    steps: doc.getMap<Entity>(MAP_ROOTS.steps),
    lanes: doc.getMap<Entity>(MAP_ROOTS.lanes),
    cards: doc.getMap<Entity>(MAP_ROOTS.cards),
    /** `${personaId}:${stepId}` → { value, note } */
    emotions: doc.getMap<{ value: number; note: string }>(MAP_ROOTS.emotions),
  };
}

/** Creates an empty map document with its settings and the current document version. */
export function createMapDocument(settings: MapSettings): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const roots = mapRoots(doc);
    roots.meta.set("version", MAP_DOCUMENT_VERSION);
    writeSettings(roots.settings, settings);
  });
  return doc;
}

/** Writes each defined settings field as its own key so concurrent changes of different fields merge. */
export function writeSettings(target: Y.Map<unknown>, settings: Partial<MapSettings>): void {
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) target.delete(key);
    else target.set(key, structuredClone(value));
  }
}

/** Builds a Y.Map entity from plain fields (undefined fields are left out). */
export function toEntity(fields: Record<string, unknown>): Entity {
  const entity = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) entity.set(key, structuredClone(value));
  return entity;
}

/** The entity with this id, or a not_found error naming the field. */
export function requireEntity(doc: Y.Doc, root: EntityRoot, id: string, field: string): Entity {
  const entity = mapRoots(doc)[root].get(id);
  const label = root.slice(0, -1);
  if (!entity) throw new MapOperationError("not_found", `unknown ${label} "${id}"`, field);
  return entity;
}

/** Key of an emotion point. */
export function emotionKey(personaId: string, stepId: string): string {
  return `${personaId}:${stepId}`;
}

/** Applies another document's full state, e.g. to clone a doc for a dry run. */
export function cloneDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
