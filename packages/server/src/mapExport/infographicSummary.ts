import type { MapMetrics } from "@opencjm/analytics";
import type { Idea, Infographic, MapSnapshot } from "@opencjm/core";

const TOP = 3;

/** Cards of one kind with the step they sit at, in the map's order (stage, step, then the cell's own order). */
function cardsInMapOrder(snapshot: MapSnapshot) {
  const stageIndex = new Map(snapshot.stages.map((s, i) => [s.id as string, i]));
  const steps = snapshot.steps
    .map((step, i) => ({ step, i }))
    .sort((a, b) => (stageIndex.get(a.step.stageId) ?? 0) - (stageIndex.get(b.step.stageId) ?? 0) || a.i - b.i);
  const stepIndex = new Map(steps.map(({ step }, i) => [step.id as string, i]));
  const stepName = new Map(snapshot.steps.map((s) => [s.id as string, s.name]));
  const hiddenLanes = new Set(snapshot.lanes.filter((l) => l.hidden).map((l) => l.id as string));
  return snapshot.cells
    .filter((cell) => !hiddenLanes.has(cell.laneId) && stepIndex.has(cell.stepId))
    .sort((a, b) => stepIndex.get(a.stepId)! - stepIndex.get(b.stepId)!)
    .flatMap((cell) => cell.cards.map((card) => ({ card, step: stepName.get(cell.stepId) ?? "" })));
}

/** Weighted mean of per-step values by their answer counts: the mean over every answer on the map. */
function pooled(items: ReadonlyArray<{ value: number | null; count: number }>): number | null {
  const answered = items.filter((i): i is { value: number; count: number } => i.value !== null && i.count > 0);
  const count = answered.reduce((sum, i) => sum + i.count, 0);
  return count === 0 ? null : answered.reduce((sum, i) => sum + i.value * i.count, 0) / count;
}

/** The totals the infographic prints from a map's measured data. */
function keyNumbers(metrics: MapMetrics, snapshot: MapSnapshot): Infographic["numbers"] {
  const stepName = new Map(snapshot.steps.map((s) => [s.id as string, s.name]));
  const levels = metrics.funnel.steps.filter((l) => l.stepIds.length > 0);
  const first = levels[0];
  const last = levels.at(-1);
  const names = (ids: string[]) => ids.map((id) => stepName.get(id) ?? id).join(" / ");
  const medians = metrics.stages.flatMap((s) => s.conversion?.timeToNext.medianMs ?? []);
  return {
    customers: metrics.totals.customers,
    conversion:
      first && last && first !== last && first.customers > 0
        ? { from: names(first.stepIds), to: names(last.stepIds), rate: Math.min(1, last.customers / first.customers) }
        : null,
    medianMs: medians.length > 0 ? medians.reduce((a, b) => a + b, 0) : null,
    nps: pooled(metrics.steps.map((s) => ({ value: s.scores.nps.score, count: s.scores.nps.count }))),
    csat: pooled(metrics.steps.map((s) => ({ value: s.scores.csat.mean, count: s.scores.csat.count }))),
    conversionWindowHours: metrics.options.conversionWindowHours,
  };
}

/**
 * Picks what the one-page infographic shows of a map: its three most severe pain points, the three opportunities
 * with the most ideas behind them, its three best-scored ideas (`ideas` come sorted by ICE), and, from measured data,
 * its key numbers and measured emotion. Hidden lanes stay out, as they do on every printed page.
 */
export function infographicSummary(
  snapshot: MapSnapshot,
  ideas: readonly Idea[],
  metrics: MapMetrics | null,
): Infographic {
  const cards = cardsInMapOrder(snapshot);
  const pains = cards
    .flatMap(({ card, step }) =>
      card.kind === "painPoint" ? [{ text: card.text, severity: card.severity, step }] : [],
    )
    .map((pain, i) => ({ pain, i }))
    .sort((a, b) => b.pain.severity - a.pain.severity || a.i - b.i)
    .slice(0, TOP)
    .map(({ pain }) => pain);
  const opportunities = cards
    .flatMap(({ card, step }) =>
      card.kind === "opportunity" ? [{ text: card.text, step, ideas: card.ideaIds.length }] : [],
    )
    .map((opportunity, i) => ({ opportunity, i }))
    .sort((a, b) => b.opportunity.ideas - a.opportunity.ideas || a.i - b.i)
    .slice(0, TOP)
    .map(({ opportunity }) => opportunity);
  const measured = metrics?.totals.customers ? metrics : null;
  return {
    pains,
    opportunities,
    ideas: ideas.slice(0, TOP).map((idea) => ({ title: idea.title, status: idea.status })),
    numbers: measured && keyNumbers(measured, snapshot),
    measuredEmotion: (measured?.steps ?? []).flatMap((s) =>
      s.emotion.value === null ? [] : [{ stepId: s.stepId, value: s.emotion.value }],
    ),
  };
}
