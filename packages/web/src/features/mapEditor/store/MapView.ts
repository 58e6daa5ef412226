import type { Card, EmotionScale, Lane, MapSettings, Stage, Step } from "@opencjm/core";

/** One column position of the grid: a step and the parallel steps stacked with it (or none, for an empty stage). */
export interface Slot {
  key: string;
  stageId: string;
  steps: readonly Step[];
}

/** Stages, steps and lanes in display order, with the column slots derived from them. */
export interface MapStructure {
  stages: readonly Stage[];
  /** Every step, in stage order then step order. */
  steps: readonly Step[];
  /** Every lane, hidden ones included, in order. */
  lanes: readonly Lane[];
  slots: readonly Slot[];
}

/** One persona's emotion at one step. */
export interface EmotionValue {
  value: number;
  note: string;
}

/** Emotion points by persona id, then step id. */
export type EmotionIndex = ReadonlyMap<string, ReadonlyMap<string, EmotionValue>>;

/** Topics a view emits: the structure, the settings, the emotions, every card (search), or one cell. */
export const TOPIC = {
  structure: "structure",
  settings: "settings",
  emotions: "emotions",
  cards: "cards",
  cell: (laneId: string, stepId: string) => `cell:${laneId}:${stepId}`,
} as const;

/** Key of a cell in maps and sets. */
export function cellKey(laneId: string, stepId: string): string {
  return `${laneId}:${stepId}`;
}

/**
 * What the grid reads a map through. Every getter returns the same object until that part changes, so React
 * components subscribe per part (`useSyncExternalStore`) and re-render only when their part changed.
 */
export interface MapView {
  getStructure(): MapStructure;
  getSettings(): MapSettings;
  getCell(laneId: string, stepId: string): readonly Card[];
  /** How many cards a cell holds, without reading them (unreadable ones included). */
  countCell(laneId: string, stepId: string): number;
  getEmotions(): EmotionIndex;
  /** Every non-empty cell (for search). */
  cells(): Iterable<[string, readonly Card[]]>;
  /** The cell key (`laneId:stepId`) a card is in, if it is on the map. */
  locateCard(cardId: string): string | undefined;
  subscribe(topic: string, listener: () => void): () => void;
  destroy(): void;
}

/** The scale used when a map's settings cannot be read. */
export const DEFAULT_EMOTION_SCALE: EmotionScale = { min: -2, max: 2, minLabel: "", maxLabel: "" };
