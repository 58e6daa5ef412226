/** Something with an id that may have been copied from an entity of the other map (`originId`). */
export interface Matchable {
  id: string;
  originId?: string;
}

/** Normalises a name for matching: Unicode-compatible form, case and spacing ignored. */
export function normalizeName(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLocaleLowerCase();
}

/**
 * Pairs entities of two maps, one to one, in passes: first by lineage (one side's `originId` is the other's id, in
 * either direction, so a future-state map can sit on either side), then by each key function in turn, taking the
 * earliest unmatched candidate so duplicates pair up in order. Returns right id → left id.
 */
export function matchEntities<T extends Matchable>(
  left: readonly T[],
  right: readonly T[],
  keys: Array<(item: T, side: "left" | "right") => string | undefined>,
): Map<string, string> {
  const pairs = new Map<string, string>();
  const usedLeft = new Set<string>();
  const leftIds = new Set(left.map((l) => l.id));
  const rightIds = new Set(right.map((r) => r.id));
  const leftByOrigin = new Map(
    left.filter((l) => l.originId && rightIds.has(l.originId)).map((l) => [l.originId!, l.id]),
  );
  const pair = (rightId: string, leftId: string) => {
    pairs.set(rightId, leftId);
    usedLeft.add(leftId);
  };
  for (const r of right) {
    const leftId = r.originId && leftIds.has(r.originId) ? r.originId : leftByOrigin.get(r.id);
    if (leftId !== undefined && !usedLeft.has(leftId)) pair(r.id, leftId);
  }
  for (const key of keys) {
    const waiting = new Map<string, string[]>();
    for (const l of left) {
      if (usedLeft.has(l.id)) continue;
      const k = key(l, "left");
      if (k !== undefined) waiting.set(k, [...(waiting.get(k) ?? []), l.id]);
    }
    for (const r of right) {
      if (pairs.has(r.id)) continue;
      const k = key(r, "right");
      const candidates = k === undefined ? undefined : waiting.get(k);
      const leftId = candidates?.shift();
      if (leftId !== undefined) pair(r.id, leftId);
    }
  }
  return pairs;
}

/** True when at least one pair was made through lineage rather than by name. */
export function sharesLineage(left: readonly Matchable[], right: readonly Matchable[]): boolean {
  const leftIds = new Set(left.map((l) => l.id));
  const rightIds = new Set(right.map((r) => r.id));
  return (
    right.some((r) => r.originId !== undefined && leftIds.has(r.originId)) ||
    left.some((l) => l.originId !== undefined && rightIds.has(l.originId))
  );
}
