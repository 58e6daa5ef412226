import { generateKeyBetween } from "fractional-indexing";
import type * as Y from "yjs";
import { MapOperationError } from "./MapOperationError.js";
import type { Entity } from "./mapDocument.js";

/** Where to put an item among its siblings: after or before a sibling, or at the end. */
export interface Position {
  after?: string;
  before?: string;
}

interface Sibling {
  id: string;
  order: string;
}

/** Siblings sorted the way every reader sorts them: by fractional index, ties broken by id (concurrent inserts can tie). */
export function sortSiblings(siblings: Sibling[]): Sibling[] {
  return siblings.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Sorted {id, order} of the entities in `root` that pass `filter`, leaving out `exclude`. */
export function siblingsOf(root: Y.Map<Entity>, filter: (e: Entity) => boolean, exclude?: string): Sibling[] {
  const out: Sibling[] = [];
  for (const [id, entity] of root.entries()) {
    if (id === exclude || !filter(entity)) continue;
    out.push({ id, order: String(entity.get("order")) });
  }
  return sortSiblings(out);
}

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomTail(): string {
  const bytes = new Uint8Array(3);
  globalThis.crypto.getRandomValues(bytes);
  let tail = "";
  for (const b of bytes) tail += DIGITS[b % 62];
  return tail.endsWith("0") ? `${tail.slice(0, -1)}1` : tail;
}

/**
 * Adds a random tail to a key so two people inserting at the same place at the same time get different keys
 * (a tie would leave no room between the two items later). When the tail would pass `upper` (the key is a prefix
 * of it), it moves the base halfway towards `upper` and tries again.
 */
function jitter(key: string, upper: string | null): string {
  let base = key;
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = base + randomTail();
    if (upper === null || candidate < upper) return candidate;
    base = generateKeyBetween(base, upper);
  }
  return base;
}

/**
 * A fractional-index key for the position among sorted siblings. Neighbours are found by key, not by list index,
 * and equal keys (from concurrent inserts) are skipped so a key can always be made between them.
 */
export function keyForPosition(siblings: Sibling[], position: Position | undefined, field = "position"): string {
  const orders = siblings.map((s) => s.order);
  if (position?.after !== undefined) {
    const anchor = siblings.find((s) => s.id === position.after);
    if (!anchor) throw new MapOperationError("not_found", `position.after: "${position.after}" is not a sibling here`, `${field}.after`);
    const next = orders.find((o) => o > anchor.order) ?? null;
    return jitter(generateKeyBetween(anchor.order, next), next);
  }
  if (position?.before !== undefined) {
    const anchor = siblings.find((s) => s.id === position.before);
    if (!anchor) throw new MapOperationError("not_found", `position.before: "${position.before}" is not a sibling here`, `${field}.before`);
    const prev = [...orders].reverse().find((o) => o < anchor.order) ?? null;
    return jitter(generateKeyBetween(prev, anchor.order), anchor.order);
  }
  return jitter(generateKeyBetween(orders.at(-1) ?? null, null), null);
}
