import { sortSiblings, type Lane, type Stage, type Step } from "@opencjm/core";
import type { MapStructure, Slot } from "./MapView.js";

function sorted<T extends { id: string; order: string }>(items: readonly T[]): T[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return sortSiblings(items.map((i) => ({ id: i.id, order: i.order }))).map((s) => byId.get(s.id)!);
}

/**
 * Sorts stages, steps and lanes the way every reader of a map does (fractional order, ties by id) and groups steps
 * into column slots: a parallel step shares the slot of the step before it in the same stage, and a stage without
 * steps still gets one empty slot so it can be seen and given steps. Steps of a missing stage are left out.
 */
export function buildStructure(stages: readonly Stage[], steps: readonly Step[], lanes: readonly Lane[]): MapStructure {
  const orderedStages = sorted(stages);
  const stepsByStage = new Map<string, Step[]>(orderedStages.map((s) => [s.id, []]));
  for (const step of steps) stepsByStage.get(step.stageId)?.push(step);
  const orderedSteps: Step[] = [];
  const slots: Slot[] = [];
  for (const stage of orderedStages) {
    const own = sorted(stepsByStage.get(stage.id)!);
    orderedSteps.push(...own);
    if (own.length === 0) slots.push({ key: `empty:${stage.id}`, stageId: stage.id, steps: [] });
    let current: Step[] | null = null;
    for (const step of own) {
      if (step.parallel && current) current.push(step);
      else {
        current = [step];
        slots.push({ key: step.id, stageId: stage.id, steps: current });
      }
    }
  }
  return { stages: orderedStages, steps: orderedSteps, lanes: sorted(lanes), slots };
}

/** The previous object when the new one has the same fields, so unchanged rows and columns keep their identity. */
export function reuseIfSame<T extends { id: string }>(previous: ReadonlyMap<string, T>, next: T): T {
  const old = previous.get(next.id);
  return old && JSON.stringify(old) === JSON.stringify(next) ? old : next;
}
