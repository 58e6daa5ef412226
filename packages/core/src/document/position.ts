import { generateKeyBetween } from "fractional-indexing";
import { MapOperationError } from "./MapOperationError.js";

/** Where to put an item among its siblings: after or before a sibling, or at the end. */
export interface Position {
  after?: string;
  before?: string;
}

/** An item among its siblings: its id and fractional-index key. */
export interface Sibling {
  id: string;
  order: string;
}

/** Siblings sorted the way every reader sorts them: by fractional index, ties broken by id (concurrent inserts can tie). */
export function sortSiblings(siblings: Sibling[]): Sibling[] {
  return siblings.sort((a, b) =>
    a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Random bytes are drawn in blocks: one getRandomValues call per key made a batch of 50,000 adds spend seconds here.
const randomBlock = new Uint8Array(3 * 1024);
let randomUsed = randomBlock.length;

function randomTail(): string {
  if (randomUsed + 3 > randomBlock.length) {
    globalThis.crypto.getRandomValues(randomBlock);
    randomUsed = 0;
  }
  let tail = "";
  for (const b of randomBlock.subarray(randomUsed, (randomUsed += 3))) tail += DIGITS[b % 62];
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
export function keyForPosition(
  siblings: readonly Sibling[],
  position: Position | undefined,
  field = "position",
): string {
  if (position?.after !== undefined) {
    const anchor = siblings.find((s) => s.id === position.after);
    if (!anchor)
      throw new MapOperationError(
        "not_found",
        `position.after: "${position.after}" is not a sibling here`,
        `${field}.after`,
      );
    const next = siblings.find((s) => s.order > anchor.order)?.order ?? null;
    return jitter(generateKeyBetween(anchor.order, next), next);
  }
  if (position?.before !== undefined) {
    const anchor = siblings.find((s) => s.id === position.before);
    if (!anchor)
      throw new MapOperationError(
        "not_found",
        `position.before: "${position.before}" is not a sibling here`,
        `${field}.before`,
      );
    const prev = siblings.findLast((s) => s.order < anchor.order)?.order ?? null;
    return jitter(generateKeyBetween(prev, anchor.order), anchor.order);
  }
  // Appending needs only the last key; the common case must not walk the siblings.
  return jitter(generateKeyBetween(siblings.at(-1)?.order ?? null, null), null);
}
