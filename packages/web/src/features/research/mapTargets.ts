import type { MapSnapshot } from "@opencjm/core";

/** Kinds of map content a highlight can be about (an idea is picked from the map's ideas, not from its body). */
export type MapTargetKind = "step" | "stage" | "touchpoint" | "painPoint";

/** One thing of a map a highlight can point at, with the words a picker shows for it. */
export interface MapTarget {
  id: string;
  label: string;
}

/**
 * The steps, stages, touchpoint cards and pain point cards of a map, in the map's order, labelled as people read
 * them: a card by its step and its own words, so two "Checkout page" touchpoints on different steps stay apart.
 * `touchpointName` names a catalogue touchpoint (a card stores only its id).
 */
export function mapTargets(
  snapshot: Pick<MapSnapshot, "stages" | "steps" | "lanes" | "cells">,
  touchpointName: (touchpointId: string) => string | undefined,
  untitled: string,
): Record<MapTargetKind, MapTarget[]> {
  const stepName = new Map(snapshot.steps.map((s) => [s.id, s.name || untitled]));
  const stepOrder = new Map(snapshot.steps.map((s, i) => [s.id, i]));
  const cells = [...snapshot.cells].sort((a, b) => (stepOrder.get(a.stepId) ?? 0) - (stepOrder.get(b.stepId) ?? 0));
  const touchpoint: MapTarget[] = [];
  const painPoint: MapTarget[] = [];
  for (const cell of cells) {
    const step = stepName.get(cell.stepId) ?? untitled;
    for (const card of cell.cards) {
      if (card.kind === "touchpoint") {
        const words = touchpointName(card.touchpointId) ?? card.note ?? "";
        touchpoint.push({ id: card.id, label: `${step} · ${words || untitled}` });
      } else if (card.kind === "painPoint") {
        painPoint.push({ id: card.id, label: `${step} · ${card.text || untitled}` });
      }
    }
  }
  return {
    step: snapshot.steps.map((s) => ({ id: s.id, label: s.name || untitled })),
    stage: snapshot.stages.map((s) => ({ id: s.id, label: s.name || untitled })),
    touchpoint,
    painPoint,
  };
}
