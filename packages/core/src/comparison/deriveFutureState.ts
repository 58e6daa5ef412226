import { newId, type MapId } from "../ids.js";
import { MapSnapshotSchema, type MapSnapshot } from "../schemas/journeyMap.js";

/** Options for a derived future-state map. */
export interface FutureStateOptions {
  /** The id of the map being copied; stored as `settings.basedOnMapId` so the two can be compared later. */
  sourceMapId: string;
  /** Title of the copy; the source's title when left out. */
  title?: string;
}

/**
 * A future-state copy of a map: every stage, step, lane and card with a fresh id, the same content and emotion
 * points, type `futureState`, status draft, `basedOnMapId` pointing at the source. Each stage, step and lane keeps
 * the id it was copied from in `originId`, so a comparison still pairs a step after it is renamed or moved.
 */
export function deriveFutureState(source: MapSnapshot, options: FutureStateOptions): MapSnapshot {
  const fresh = (ids: Iterable<string>) => new Map([...ids].map((id) => [id, newId()]));
  const stageIds = fresh(source.stages.map((s) => s.id));
  const stepIds = fresh(source.steps.map((s) => s.id));
  const laneIds = fresh(source.lanes.map((l) => l.id));
  const must = (ids: Map<string, string>, id: string) => {
    const mapped = ids.get(id);
    // A snapshot is referentially whole (docToSnapshot and upgradeSnapshot guarantee it); this guards misuse.
    if (mapped === undefined) throw new Error(`snapshot refers to unknown id "${id}"`);
    return mapped;
  };
  const title = options.title?.trim() || source.settings.title;
  return MapSnapshotSchema.parse({
    ...structuredClone(source),
    settings: {
      ...structuredClone(source.settings),
      title,
      type: "futureState",
      status: "draft",
      basedOnMapId: options.sourceMapId as MapId,
    },
    stages: source.stages.map((s) => ({ ...structuredClone(s), id: must(stageIds, s.id), originId: s.id })),
    steps: source.steps.map((s) => ({
      ...structuredClone(s),
      id: must(stepIds, s.id),
      stageId: must(stageIds, s.stageId),
      originId: s.id,
    })),
    lanes: source.lanes.map((l) => ({ ...structuredClone(l), id: must(laneIds, l.id), originId: l.id })),
    cells: source.cells.map((c) => ({
      laneId: must(laneIds, c.laneId),
      stepId: must(stepIds, c.stepId),
      cards: c.cards.map((card) => ({ ...structuredClone(card), id: newId() })),
    })),
    emotions: source.emotions.map((e) => ({ ...e, stepId: must(stepIds, e.stepId) })),
  });
}
