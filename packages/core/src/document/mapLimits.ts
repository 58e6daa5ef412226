import { MapOperationError } from "./MapOperationError.js";

/**
 * The most a map can hold. Real maps are far smaller (the benchmark map, 40 steps × 20 lanes × 3 cards, has 2,400
 * cards); the limits are there so one file or one batch cannot make a map that blocks the server on every edit.
 * They stay below what `MapSnapshotSchema` accepts, so a map within them always reads back.
 */
export const MAP_LIMITS = {
  stages: 200,
  steps: 500,
  lanes: 100,
  cards: 20_000,
  cardsPerCell: 1_000,
  /** Emotion points: one per persona and step. */
  emotions: 20_000,
} as const;

/** One of the limits in `MAP_LIMITS`. */
export type MapLimit = keyof typeof MAP_LIMITS;

const NOUNS: Record<MapLimit, string> = {
  stages: "stages",
  steps: "steps",
  lanes: "lanes",
  cards: "cards",
  cardsPerCell: "cards in one cell",
  emotions: "emotion points",
};

/** The refusal for a map that would hold `count` items past a limit; it names the limit and the count. */
export function mapLimitError(limit: MapLimit, count: number, field?: string): MapOperationError {
  return new MapOperationError(
    "out_of_range",
    `${count.toLocaleString("en-US")} ${NOUNS[limit]} is more than a map can hold (at most ${MAP_LIMITS[limit].toLocaleString("en-US")})`,
    field,
  );
}

/** Throws `mapLimitError` for the first count that passes its limit. */
export function checkMapLimits(counts: Partial<Record<MapLimit, number>>, field?: string): void {
  for (const [limit, count] of Object.entries(counts) as Array<[MapLimit, number]>) {
    if (count > MAP_LIMITS[limit]) throw mapLimitError(limit, count, field);
  }
}
