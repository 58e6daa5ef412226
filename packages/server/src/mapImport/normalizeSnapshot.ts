import type { MapSnapshot } from "@opencjm/core";

/**
 * A snapshot with its generated ids and order keys replaced by positions, so two maps with the same content compare
 * equal after a round trip through a format that does not carry ids (Excel, CSV, Mermaid).
 */
export function normalizeSnapshot(snapshot: MapSnapshot, personaName: (id: string) => string = (id) => id): unknown {
  const stage = new Map(snapshot.stages.map((s, i) => [s.id as string, i]));
  const step = new Map(snapshot.steps.map((s, i) => [s.id as string, i]));
  const lane = new Map(snapshot.lanes.map((l, i) => [l.id as string, i]));
  return {
    settings: { ...snapshot.settings, personaIds: snapshot.settings.personaIds.map(personaName) },
    stages: snapshot.stages.map(({ id: _id, order: _order, ...s }) => s),
    steps: snapshot.steps.map(({ id: _id, order: _order, stageId, ...s }) => ({ ...s, stage: stage.get(stageId) })),
    lanes: snapshot.lanes.map(({ id: _id, order: _order, ...l }) => l),
    cells: snapshot.cells.map((c) => ({
      lane: lane.get(c.laneId),
      step: step.get(c.stepId),
      cards: c.cards.map(({ id: _id, order: _order, ...card }) => card),
    })),
    emotions: snapshot.emotions.map((e) => ({ ...e, personaId: personaName(e.personaId), stepId: step.get(e.stepId) })),
  };
}
