import * as Y from "yjs";
import { MAP_ROOTS } from "./mapDocument.js";

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const plain = (value: unknown): unknown => (value instanceof Y.AbstractType ? value.toJSON() : value);

/** Sets `target`'s keys to `source`'s values, touching only keys whose value differs. */
function reconcileFields(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key);
  for (const [key, value] of source.entries()) {
    const wanted = plain(value);
    if (!target.has(key) || !sameJson(plain(target.get(key)), wanted)) target.set(key, structuredClone(wanted));
  }
}

/** Copies a source entity (a Y.Map of JSON fields) into a new Y.Map for the target document. */
function copyEntity(source: Y.Map<unknown>): Y.Map<unknown> {
  const copy = new Y.Map<unknown>();
  for (const [key, value] of source.entries()) copy.set(key, structuredClone(plain(value)));
  return copy;
}

/**
 * Makes `doc`'s map body equal to `source`'s as one change: every entity, field, setting and emotion point that
 * differs is set, added or deleted, and everything equal is left alone. Run inside a transaction it is one Yjs update
 * that moves the live map to an earlier version; it is an ordinary edit, so it can itself be undone or restored away.
 */
export function replaceDocContent(doc: Y.Doc, source: Y.Doc): void {
  doc.transact(() => {
    for (const name of [MAP_ROOTS.meta, MAP_ROOTS.settings, MAP_ROOTS.emotions]) {
      reconcileFields(doc.getMap<unknown>(name), source.getMap<unknown>(name));
    }
    for (const name of [MAP_ROOTS.stages, MAP_ROOTS.steps, MAP_ROOTS.lanes, MAP_ROOTS.cards]) {
      const target = doc.getMap<unknown>(name);
      const wanted = source.getMap<unknown>(name);
      for (const id of [...target.keys()]) if (!wanted.has(id)) target.delete(id);
      for (const [id, entity] of wanted.entries()) {
        const current = target.get(id);
        if (current instanceof Y.Map && entity instanceof Y.Map) reconcileFields(current, entity);
        else if (entity instanceof Y.Map) target.set(id, copyEntity(entity));
        else if (!sameJson(plain(current), entity)) target.set(id, structuredClone(entity));
      }
    }
  });
}
