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
 * agrees with most customers' order (the pairs it would put before it minus those after); so a step every customer
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
  for (const x of byReach) {
    // Agreement with x at position p: customers who go from each earlier step to x and from x to each later one.
    let best = 0;
    let bestScore = -Infinity;
    let score = order.reduce((sum, y) => sum + before[x]![y]!, 0);
    for (let p = 0; p <= order.length; p++) {
      if (score > bestScore) {
        best = p;
        bestScore = score;
      }
      if (p < order.length) score += before[order[p]!]![x]! - before[x]![order[p]!]!;
    }
    order.splice(best, 0, x);
  }

  const firstKnown = order.map((i) => candidates[i]!.stageName).find((s) => s !== undefined) ?? fallbackStage;
  let current = firstKnown;
  const stageOf = new Map<number, string>();
  for (const i of order) stageOf.set(i, (current = candidates[i]!.stageName ?? current));
  const stages: DraftOrder["stages"] = [];
  for (const i of order) {
    const name = stageOf.get(i)!;
    let stage = stages.find((s) => s.name === name);
    if (!stage) stages.push((stage = { name, steps: [] }));
    stage.steps.push(i);
  }
  return { stages };
}
