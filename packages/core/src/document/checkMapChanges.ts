import * as Y from "yjs";
import { MAP_DOCUMENT_VERSION, MapSettingsSchema, LaneSchema, StageSchema, StepSchema } from "../schemas/journeyMap.js";
import { CardSchema } from "../schemas/lane.js";
import { IdSchema } from "../ids.js";
import { cardOf } from "./cardOperations.js";
import { MAP_LIMITS } from "./mapLimits.js";
import { MAP_ROOTS, mapRoots, type Entity } from "./mapDocument.js";

/** One thing a change left wrong in a map document, with where it is. */
export interface MapDocumentProblem {
  path: string;
  message: string;
}

/** What this check needs of a shared type: its identity, and the item that places it in its parent. */
type SharedType = { _item: Y.Item | null };
type EntityRootName = "stages" | "steps" | "lanes" | "cards";
const ENTITY_ROOTS = new Set<string>(["stages", "steps", "lanes", "cards"]);
const KNOWN_ROOTS = new Set<string>(Object.values(MAP_ROOTS));
const ENTITY_SCHEMAS = { stages: StageSchema, steps: StepSchema, lanes: LaneSchema } as const;
const SINGULAR: Record<EntityRootName, string> = { stages: "stage", steps: "step", lanes: "lane", cards: "card" };

/**
 * Checks what one transaction changed in a map document — only the entities it touched, so the cost follows the size
 * of the change, not of the map: every touched stage, step, lane and card must still fit its schema, settings and the
 * version must stay valid, emotion points must be numbers keyed by persona and step, nothing may be written outside
 * the map's parts, and the map must stay within its limits. Dangling references (a card whose lane someone deleted
 * at the same moment) are allowed: concurrent edits make them and reads leave them out.
 */
export function checkMapChanges(doc: Y.Doc, transaction: Y.Transaction): MapDocumentProblem[] {
  const problems: MapDocumentProblem[] = [];
  const rootNames = new Map<SharedType, string>(
    [...doc.share].map(([name, type]): [SharedType, string] => [type, name]),
  );
  const touched: Record<EntityRootName, Set<string>> = {
    stages: new Set(),
    steps: new Set(),
    lanes: new Set(),
    cards: new Set(),
  };
  const rootsChanged = new Set<string>();
  for (const [type, keys] of transaction.changed) {
    const { root, entityId } = locate(type, rootNames);
    if (root === undefined) {
      problems.push({ path: "", message: "the change writes outside the map" });
      continue;
    }
    if (!KNOWN_ROOTS.has(root)) {
      problems.push({ path: root, message: `"${root}" is not a part of a map` });
      continue;
    }
    rootsChanged.add(root);
    if (!ENTITY_ROOTS.has(root)) continue;
    const ids = entityId === undefined ? [...keys].filter((k): k is string => k !== null) : [entityId];
    for (const id of ids) touched[root as EntityRootName].add(id);
  }
  if (problems.length > 0) return problems;
  const roots = mapRoots(doc);
  for (const root of ENTITY_ROOTS as Set<EntityRootName>) {
    for (const id of touched[root]) {
      const value = roots[root].get(id) as unknown;
      if (value === undefined) continue; // deleted
      problems.push(...checkEntity(root, id, value));
    }
  }
  if (rootsChanged.has("settings")) {
    const settings = MapSettingsSchema.safeParse(Object.fromEntries(roots.settings.entries()));
    if (!settings.success)
      problems.push({
        path: `settings.${settings.error.issues[0]?.path.join(".")}`,
        message: settings.error.issues[0]?.message ?? "invalid",
      });
  }
  if (rootsChanged.has("meta") && roots.meta.get("version") !== MAP_DOCUMENT_VERSION)
    problems.push({ path: "meta.version", message: `must stay ${MAP_DOCUMENT_VERSION}` });
  if (rootsChanged.has("emotions")) problems.push(...checkEmotions(roots.emotions, transaction));
  for (const [root, limit] of [
    ["stages", MAP_LIMITS.stages],
    ["steps", MAP_LIMITS.steps],
    ["lanes", MAP_LIMITS.lanes],
    ["cards", MAP_LIMITS.cards],
    ["emotions", MAP_LIMITS.emotions],
  ] as const) {
    if (rootsChanged.has(root) && roots[root].size > limit)
      problems.push({
        path: root,
        message: `${roots[root].size} ${root} is more than a map can hold (at most ${limit})`,
      });
  }
  return problems;
}

/** The top-level part a changed type belongs to, and the entity (the key under that part) when it is nested. */
function locate(type: SharedType, rootNames: Map<SharedType, string>): { root?: string; entityId?: string } {
  let current: SharedType = type;
  let entityId: string | undefined;
  for (let depth = 0; depth < 64; depth++) {
    const name = rootNames.get(current);
    if (name !== undefined) return { root: name, entityId };
    const item = current._item;
    if (!item || !(item.parent instanceof Y.AbstractType)) return {};
    entityId = item.parentSub ?? undefined;
    current = item.parent as unknown as SharedType;
  }
  return {};
}

function checkEntity(root: EntityRootName, id: string, value: unknown): MapDocumentProblem[] {
  const path = `${root}.${id}`;
  if (!(value instanceof Y.Map)) return [{ path, message: `a ${SINGULAR[root]} must be a map of fields` }];
  const entity = value as Entity;
  const nested = [...entity.entries()].find(([, v]) => v instanceof Y.AbstractType);
  if (nested) return [{ path: `${path}.${nested[0]}`, message: "fields hold plain values" }];
  if (root === "cards") {
    const problems: MapDocumentProblem[] = [];
    for (const field of ["laneId", "stepId"] as const) {
      if (!IdSchema.safeParse(entity.get(field)).success)
        problems.push({ path: `${path}.${field}`, message: "must be an id" });
    }
    const card = CardSchema.safeParse(cardOf(entity));
    if (!card.success)
      problems.push({
        path: `${path}.${card.error.issues[0]?.path.join(".")}`,
        message: card.error.issues[0]?.message ?? "invalid card",
      });
    else if (card.data.id !== id) problems.push({ path: `${path}.id`, message: "must be the card's key" });
    return problems;
  }
  const parsed = ENTITY_SCHEMAS[root].safeParse({ ...Object.fromEntries(entity.entries()), id });
  return parsed.success
    ? []
    : [
        {
          path: `${path}.${parsed.error.issues[0]?.path.join(".")}`,
          message: parsed.error.issues[0]?.message ?? "invalid",
        },
      ];
}

function checkEmotions(
  emotions: Y.Map<{ value: number; note: string }>,
  transaction: Y.Transaction,
): MapDocumentProblem[] {
  // Yjs types its changed-types map by its widest event type; the emotions map is one of its keys.
  const changedType = emotions as unknown as Parameters<typeof transaction.changed.get>[0];
  const keys = transaction.changed.get(changedType) ?? new Set<string | null>();
  const problems: MapDocumentProblem[] = [];
  for (const key of keys) {
    if (key === null) continue;
    const point = emotions.get(key) as unknown;
    if (point === undefined) continue;
    const [personaId, stepId, extra] = key.split(":");
    const record = point as { value?: unknown; note?: unknown };
    if (extra !== undefined || !IdSchema.safeParse(personaId).success || !IdSchema.safeParse(stepId).success)
      problems.push({ path: `emotions.${key}`, message: "must be keyed persona:step" });
    else if (
      typeof point !== "object" ||
      point === null ||
      typeof record.value !== "number" ||
      !Number.isFinite(record.value)
    )
      problems.push({ path: `emotions.${key}.value`, message: "must be a number" });
    else if (record.note !== undefined && (typeof record.note !== "string" || record.note.length > 500))
      problems.push({ path: `emotions.${key}.note`, message: "must be text of at most 500 characters" });
  }
  return problems;
}
