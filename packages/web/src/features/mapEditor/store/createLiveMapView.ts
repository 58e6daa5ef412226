import {
  CardSchema,
  LaneSchema,
  mapRoots,
  MapSettingsSchema,
  sortSiblings,
  StageSchema,
  StepSchema,
  type Card,
  type Lane,
  type MapSettings,
  type Stage,
  type Step,
} from "@opencjm/core";
import type * as Y from "yjs";
import { buildStructure, reuseIfSame } from "./buildStructure.js";
import {
  cellKey,
  DEFAULT_EMOTION_SCALE,
  TOPIC,
  type EmotionIndex,
  type EmotionValue,
  type MapStructure,
  type MapView,
} from "./MapView.js";
import { TopicEmitter } from "./TopicEmitter.js";

const EMPTY: readonly Card[] = Object.freeze([]);

function parseAll<T extends { id: string }>(
  root: Y.Map<Y.Map<unknown>>,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  previous: ReadonlyMap<string, T>,
): T[] {
  const out: T[] = [];
  for (const [id, entity] of root.entries()) {
    const parsed = schema.safeParse({ ...Object.fromEntries(entity.entries()), id });
    // An entity another client wrote badly is left out rather than breaking the whole grid.
    if (parsed.success) out.push(reuseIfSame(previous, parsed.data));
  }
  return out;
}

/**
 * A live view of a map's Y.Doc for the grid. Cards are indexed by cell, parsed when their cell is first read, and
 * re-read only when they change (one `observeDeep` event names the cards touched), so a keystroke in one card costs one
 * card parse and wakes one cell — never a parse of the whole map. Structure, settings and emotions are small and are re-read whole when they change.
 */
export function createLiveMapView(doc: Y.Doc): MapView {
  const roots = mapRoots(doc);
  const emitter = new TopicEmitter();
  let structure: MapStructure;
  let settings: MapSettings;
  let emotions: EmotionIndex = new Map();
  const cardCell = new Map<string, string>();
  const cellCards = new Map<string, Set<string>>();
  const parsedCards = new Map<string, Card | null>();
  const cellArrays = new Map<string, readonly Card[]>();
  let stageIndex = new Map<string, Stage>();
  let stepIndex = new Map<string, Step>();
  let laneIndex = new Map<string, Lane>();

  function readStructure(): void {
    const stages = parseAll(roots.stages, StageSchema, stageIndex);
    const steps = parseAll(roots.steps, StepSchema, stepIndex);
    const lanes = parseAll(roots.lanes, LaneSchema, laneIndex);
    stageIndex = new Map(stages.map((s) => [s.id, s]));
    stepIndex = new Map(steps.map((s) => [s.id, s]));
    laneIndex = new Map(lanes.map((l) => [l.id, l]));
    structure = buildStructure(stages, steps, lanes);
  }

  function readSettings(): void {
    const parsed = MapSettingsSchema.safeParse(Object.fromEntries(roots.settings.entries()));
    if (parsed.success) settings = parsed.data;
    // Keep the last good settings; on a first read of broken settings, show a usable default instead of failing.
    else
      settings ??= {
        title: "",
        type: "currentState",
        goal: "",
        scope: "",
        personaIds: [],
        status: "draft",
        tags: [],
        emotionScale: DEFAULT_EMOTION_SCALE,
        locale: "en",
      } as unknown as MapSettings;
  }

  function readEmotions(): void {
    const next = new Map<string, Map<string, EmotionValue>>();
    for (const [key, point] of roots.emotions.entries()) {
      const split = key.lastIndexOf(":");
      if (split <= 0 || typeof point?.value !== "number" || !Number.isFinite(point.value)) continue;
      const personaId = key.slice(0, split);
      const byStep = next.get(personaId) ?? new Map<string, EmotionValue>();
      byStep.set(key.slice(split + 1), { value: point.value, note: typeof point.note === "string" ? point.note : "" });
      next.set(personaId, byStep);
    }
    emotions = next;
  }

  /** Re-reads one card's place and content; returns the cells it left and entered. */
  function readCard(cardId: string, dirty: Set<string>): void {
    const before = cardCell.get(cardId);
    const entity = roots.cards.get(cardId);
    parsedCards.delete(cardId);
    if (before) dirty.add(before);
    if (!entity) {
      if (before) cellCards.get(before)?.delete(cardId);
      cardCell.delete(cardId);
      return;
    }
    const key = cellKey(String(entity.get("laneId")), String(entity.get("stepId")));
    if (before !== key) {
      if (before) cellCards.get(before)?.delete(cardId);
      let set = cellCards.get(key);
      if (!set) cellCards.set(key, (set = new Set()));
      set.add(cardId);
      cardCell.set(cardId, key);
    }
    dirty.add(key);
  }

  function parsedCard(cardId: string): Card | null {
    let card = parsedCards.get(cardId);
    if (card === undefined) {
      const entity = roots.cards.get(cardId);
      const fields: Record<string, unknown> = {};
      if (entity) for (const [k, v] of entity.entries()) if (k !== "laneId" && k !== "stepId") fields[k] = v;
      const parsed = CardSchema.safeParse(fields);
      card = parsed.success ? parsed.data : null;
      parsedCards.set(cardId, card);
    }
    return card;
  }

  /** A cell's cards, parsed and sorted on first read and kept until one of them changes. */
  function cellOf(key: string): readonly Card[] {
    const cached = cellArrays.get(key);
    if (cached) return cached;
    const ids = cellCards.get(key);
    const cards: Card[] = [];
    if (ids)
      for (const id of ids) {
        const card = parsedCard(id);
        if (card) cards.push(card);
      }
    const byId = new Map(cards.map((c) => [c.id, c]));
    const sorted =
      cards.length === 0
        ? EMPTY
        : sortSiblings(cards.map((c) => ({ id: c.id, order: c.order }))).map((s) => byId.get(s.id)!);
    cellArrays.set(key, sorted);
    return sorted;
  }

  readStructure();
  readSettings();
  readEmotions();
  // Cards are only indexed by cell here; each cell parses its cards when first shown (a windowed grid shows few).
  const initial = new Set<string>();
  for (const id of roots.cards.keys()) readCard(id, initial);

  const onStructure = () => {
    readStructure();
    emitter.emit(TOPIC.structure);
  };
  const onSettings = () => {
    readSettings();
    emitter.emit(TOPIC.settings);
  };
  const onEmotions = () => {
    readEmotions();
    emitter.emit(TOPIC.emotions);
  };
  const onCards = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    const touched = new Set<string>();
    for (const event of events) {
      if (event.target === roots.cards) for (const key of event.changes.keys.keys()) touched.add(key);
      else if (typeof event.path[0] === "string") touched.add(event.path[0]);
    }
    const dirty = new Set<string>();
    for (const id of touched) readCard(id, dirty);
    for (const key of dirty) cellArrays.delete(key);
    for (const key of dirty) emitter.emit(`cell:${key}`);
    emitter.emit(TOPIC.cards);
  };
  roots.stages.observeDeep(onStructure);
  roots.steps.observeDeep(onStructure);
  roots.lanes.observeDeep(onStructure);
  roots.settings.observe(onSettings);
  roots.emotions.observe(onEmotions);
  roots.cards.observeDeep(onCards);

  return {
    getStructure: () => structure,
    getSettings: () => settings,
    getCell: (laneId, stepId) => cellOf(cellKey(laneId, stepId)),
    countCell: (laneId, stepId) => cellCards.get(cellKey(laneId, stepId))?.size ?? 0,
    getEmotions: () => emotions,
    cells: function* () {
      for (const key of cellCards.keys()) {
        const cards = cellOf(key);
        if (cards.length > 0) yield [key, cards] as [string, readonly Card[]];
      }
    },
    locateCard: (cardId) => cardCell.get(cardId),
    subscribe: (topic, listener) => emitter.subscribe(topic, listener),
    destroy() {
      roots.stages.unobserveDeep(onStructure);
      roots.steps.unobserveDeep(onStructure);
      roots.lanes.unobserveDeep(onStructure);
      roots.settings.unobserve(onSettings);
      roots.emotions.unobserve(onEmotions);
      roots.cards.unobserveDeep(onCards);
    },
  };
}
