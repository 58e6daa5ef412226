import type { MapDraftBuilder } from "./MapDraftBuilder.js";

/**
 * Adds the stages of an OpenJourney map and their steps, and says which step each node lands on. A stage whose nodes
 * carry at most one score is one step, named after the stage. A stage with several scored nodes gets one step per
 * scored node, in file order and named after the node, so each score is the emotion at its own step (one rule for
 * every stage: a step never averages several scores). A node without a score joins the step of the scored node
 * before it in its stage, or the stage's first step.
 */
export function placeOpenJourneySteps(
  stages: ReadonlyArray<{ id: string; name: string }>,
  nodes: ReadonlyArray<{ stageId: string; scored: boolean; title: string }>,
  builder: MapDraftBuilder,
): string[] {
  const stepOf: string[] = new Array<string>(nodes.length);
  for (const stage of stages) {
    const stageId = builder.addStage(stage.name);
    const inStage = nodes.flatMap((n, i) => (n.stageId === stage.id ? [i] : []));
    const scored = inStage.filter((i) => nodes[i]!.scored);
    if (scored.length <= 1) {
      const stepId = builder.addStep(stageId, stage.name);
      for (const i of inStage) stepOf[i] = stepId;
      continue;
    }
    const steps = scored.map((i, k) => builder.addStep(stageId, nodes[i]!.title || `${stage.name} ${k + 1}`));
    let current = steps[0]!;
    for (const i of inStage) {
      const k = scored.indexOf(i);
      if (k >= 0) current = steps[k]!;
      stepOf[i] = current;
    }
  }
  return stepOf;
}
