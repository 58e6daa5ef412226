/** A step as the journey's end is decided from: its stage and its place in the designed order (parallel steps share it). */
export interface JourneyStep {
  stepId: string;
  stageId: string;
  level: number;
}

/** Where the journey is done: customers who stop there did what it is for, so they are not counted as leaving. */
export interface JourneyEnd {
  /** The goal step (or the steps assumed to be it) and every step after it. Empty when the whole journey counts. */
  stepIds: ReadonlySet<string>;
  /** The stage holding the goal: the stages after it are optional. Null when the whole journey counts. */
  goalStageId: string | null;
  /** True when no goal is marked and the end is assumed by the rule below. */
  assumed: boolean;
}

const WHOLE_JOURNEY: JourneyEnd = { stepIds: new Set(), goalStageId: null, assumed: false };

/**
 * The rule for where a journey ends, so its natural end is never called drop-off:
 * - A marked goal step decides: the goal and every later step are the natural end (a parallel alternative to the goal
 *   is not: customers who stop there never reached the goal).
 * - Without a mark, a journey of three or more stages is assumed to reach its goal just before its last stage, as the
 *   built-in journeys do (after purchase, advocacy, retention, renewal, follow-up), and maps made before goals could
 *   be marked still do: the step(s) leading into the last stage and the last stage's steps are the natural end.
 *   Marking the last step as the goal makes the whole journey count again.
 * - A shorter journey without a mark, or a goal that is not among the steps (deleted since), counts whole.
 */
export function journeyEnd(
  steps: readonly JourneyStep[],
  stageOrder: readonly string[],
  goalStepId: string | null | undefined,
): JourneyEnd {
  const goal = goalStepId ? steps.find((s) => s.stepId === goalStepId) : undefined;
  if (goal) {
    const after = steps.filter((s) => s.stepId === goal.stepId || s.level > goal.level);
    return { stepIds: new Set(after.map((s) => s.stepId)), goalStageId: goal.stageId, assumed: false };
  }
  if (goalStepId) return WHOLE_JOURNEY;
  const filled = stageOrder.filter((id) => steps.some((s) => s.stageId === id));
  if (filled.length < 3) return WHOLE_JOURNEY;
  const lastStage = filled[filled.length - 1];
  const leading = Math.min(...steps.filter((s) => s.stageId === lastStage).map((s) => s.level)) - 1;
  const end = steps.filter((s) => s.level >= leading);
  const goalStageId = end.find((s) => s.level === leading)?.stageId ?? null;
  return { stepIds: new Set(end.map((s) => s.stepId)), goalStageId, assumed: true };
}
