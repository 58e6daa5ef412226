/** An activity chosen for the drafted map, with the stage of the map its touchpoint sits on (if it does). */
export interface DraftCandidate {
  key: string;
  customers: number;
  stageName?: string;
}

/** Stages in the order customers go through them, each once, with their candidates (indices) in order. */
export interface DraftOrder {
  stages: Array<{ name: string; steps: number[] }>;
}

/**
 * Orders the drafted map's steps the way most customers go: `before[i][j]` counts the customers whose first visit to
 * candidate i came before their first visit to j. Candidates are placed one by one, most reached first, each where it
 * agrees with most customers' order (the later of equally good places); so a step every customer
 * reaches after another (checkout after the product page) is never put before it. Candidates without a stage join
 * the stage of the step before them (leading ones the first stage after them, else `fallbackStage`); stages then come
 * in the order their first step does, each once, their steps in the overall order.
 */
export function orderDraftSteps(
  candidates: readonly DraftCandidate[],
  before: readonly Float64Array[],
  fallbackStage: string,
): DraftOrder {
  const byReach = candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.customers - a.c.customers || (a.c.key < b.c.key ? -1 : a.c.key > b.c.key ? 1 : 0))
    .map(({ i }) => i);
  const order: number[] = [];
  for (const x of byReach) order.splice(bestPlace(order, x, before), 0, x);
  // Placing one by one depends on who came first; moving each step to its best place until none moves fixes that.
  for (let round = 0, moved = true; moved && round < 50; round++) {
    moved = false;
    for (const x of [...order]) {
      const from = order.indexOf(x);
      order.splice(from, 1);
      const to = bestPlace(order, x, before);
      if (agreement(order, x, to, before) > agreement(order, x, from, before)) moved = true;
      order.splice(to, 0, x);
    }
  }
  const ordered = keepUnanimousOrder(
    order,
    before,
    candidates.map((c) => c.customers),
  );

  const firstKnown = ordered.map((i) => candidates[i]!.stageName).find((s) => s !== undefined) ?? fallbackStage;
  let current = firstKnown;
  const stageOf = new Map<number, string>();
  for (const i of ordered) stageOf.set(i, (current = candidates[i]!.stageName ?? current));
  const stages: DraftOrder["stages"] = [];
  for (const i of ordered) {
    const name = stageOf.get(i)!;
    let stage = stages.find((s) => s.name === name);
    if (!stage) stages.push((stage = { name, steps: [] }));
    stage.steps.push(i);
  }
  return { stages };
}

/** Where x agrees with the most customers among `order` (x not in it): the later of equally good places. */
function bestPlace(order: readonly number[], x: number, before: readonly Float64Array[]): number {
  // Agreement at position p: customers going from each earlier step to x, and from x to each later one.
  let best = 0;
  let bestScore = -Infinity;
  let score = order.reduce((sum, y) => sum + before[x]![y]!, 0);
  for (let p = 0; p <= order.length; p++) {
    if (score >= bestScore) {
      best = p;
      bestScore = score;
    }
    if (p < order.length) score += before[order[p]!]![x]! - before[x]![order[p]!]!;
  }
  return best;
}

/** Customers who agree with x at position `at` of `order` (x not in it): from each step before to x, from x to each after. */
function agreement(order: readonly number[], x: number, at: number, before: readonly Float64Array[]): number {
  let score = 0;
  order.forEach((y, i) => (score += i < at ? before[y]![x]! : before[x]![y]!));
  return score;
}

/**
 * The order kept as it is, except that a step customers reach after another (none go the other way, and more than
 * half of those reaching the rarer of the two go this way) never comes before it: a topological order of those pairs,
 * taking the earliest step of `order` that is free. One customer alone does not bind a pair.
 */
function keepUnanimousOrder(
  order: readonly number[],
  before: readonly Float64Array[],
  reach: readonly number[],
): number[] {
  const binds = (i: number, j: number) => before[j]![i]! === 0 && before[i]![j]! > Math.min(reach[i]!, reach[j]!) / 2;
  const left = [...order];
  const out: number[] = [];
  while (left.length > 0) {
    const free = left.findIndex((j) => !left.some((i) => i !== j && binds(i, j)));
    // A cycle of such pairs (possible with different customers on each pair) leaves nothing free: keep the order.
    out.push(...left.splice(free < 0 ? 0 : free, 1));
  }
  return out;
}
