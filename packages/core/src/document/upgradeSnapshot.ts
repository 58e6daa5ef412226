import { generateNKeysBetween } from "fractional-indexing";
import type { z } from "zod";
import { MAP_DOCUMENT_VERSION, MapSnapshotSchema, type MapSnapshot } from "../schemas/journeyMap.js";
import { cardKindsForLane } from "../schemas/lane.js";
import { mapLimitError, MAP_LIMITS, type MapLimit } from "./mapLimits.js";
import { MapOperationError } from "./MapOperationError.js";

type Json = Record<string, unknown>;

/** What an upgrade did: the version it started from and the unknown fields it dropped (as paths). */
export interface UpgradeReport {
  fromVersion: number;
  dropped: string[];
}

/**
 * Append-only upgrade steps; step N turns version N into version N+1. Never edit a released step — add one.
 * Version 0 is the pre-release shape: no `version`, a top-level `title` and `type`, steps called `columns`
 * (with `stage` holding the stage id), lanes with `kind` instead of `type`, cells keyed `lane`/`column`,
 * and emotions `{ persona, column, value }` on a −5…5 scale (now −2…2).
 */
const upgrades: Array<(doc: Json) => Json> = [
  (v0) => {
    const list = (key: string) => (Array.isArray(v0[key]) ? (v0[key] as Json[]) : []);
    const keys = (n: number) => generateNKeysBetween(null, null, n);
    const [stageKeys, stepKeys, laneKeys] = [
      keys(list("stages").length),
      keys(list("columns").length),
      keys(list("lanes").length),
    ];
    const rest = Object.fromEntries(
      Object.entries(v0).filter(
        ([k]) => !["title", "type", "stages", "columns", "lanes", "cells", "emotions"].includes(k),
      ),
    );
    const { title, type } = v0;
    return {
      ...rest,
      version: 1,
      settings: { title: title ?? "Untitled map", type: type ?? "currentState", emotionScale: { min: -2, max: 2 } },
      stages: list("stages").map((s, i) => ({ ...s, order: s.order ?? stageKeys[i] })),
      steps: list("columns").map(({ stage, ...c }, i) => ({ ...c, stageId: stage, order: c.order ?? stepKeys[i] })),
      lanes: list("lanes").map(({ kind, ...l }, i) => ({ ...l, type: kind, order: l.order ?? laneKeys[i] })),
      cells: list("cells").map(({ lane, column, ...c }) => ({ ...c, laneId: lane, stepId: column })),
      emotions: list("emotions").map(({ persona, column, value, ...e }) => ({
        ...e,
        personaId: persona,
        stepId: column,
        value: Math.round(((Number(value) * 2) / 5) * 10) / 10,
      })),
    };
  },
];

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    "",
  );
}

function removeAt(root: unknown, path: readonly PropertyKey[], key: string): void {
  let node: unknown = root;
  for (const k of path) node = (node as Record<PropertyKey, unknown>)[k];
  if (node && typeof node === "object") delete (node as Json)[key];
}

/** Parses with the strict schema, dropping unknown fields (and reporting them) instead of failing on them. */
function parseTolerant(input: Json, dropped: string[]): MapSnapshot {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const result = MapSnapshotSchema.safeParse(input);
    if (result.success) return result.data;
    const unknown = result.error.issues.filter(
      (i): i is z.core.$ZodIssueUnrecognizedKeys => i.code === "unrecognized_keys",
    );
    if (unknown.length === 0) {
      const issue = result.error.issues[0]!;
      throw new MapOperationError(
        "invalid",
        `${pathOf(issue.path) || "snapshot"}: ${issue.message}`,
        pathOf(issue.path),
      );
    }
    for (const issue of unknown) {
      for (const key of issue.keys) {
        dropped.push(pathOf([...issue.path, key]));
        removeAt(input, issue.path, key);
      }
    }
  }
  throw new MapOperationError("invalid", "snapshot has too many unknown fields");
}

/** Refuses a snapshot that holds more than a map can, naming the limit and the count, before it is read item by item. */
function requireWithinLimits(doc: Json): void {
  const list = (key: string): unknown[] => (Array.isArray(doc[key]) ? (doc[key] as unknown[]) : []);
  const fail = (path: string, limit: MapLimit, count: number): never => {
    const err = mapLimitError(limit, count);
    throw new MapOperationError(err.code, `${path}: ${err.message}`, path);
  };
  for (const key of ["stages", "steps", "lanes", "emotions"] as const)
    if (list(key).length > MAP_LIMITS[key]) fail(key, key, list(key).length);
  let cards = 0;
  list("cells").forEach((cell, i) => {
    const inCell =
      cell && typeof cell === "object" && Array.isArray((cell as Json).cards)
        ? ((cell as Json).cards as unknown[]).length
        : 0;
    if (inCell > MAP_LIMITS.cardsPerCell) fail(`cells[${i}].cards`, "cardsPerCell", inCell);
    cards += inCell;
  });
  if (cards > MAP_LIMITS.cards) fail("cells", "cards", cards);
}

/** Throws a MapOperationError naming the path of the first broken reference inside a snapshot. */
export function validateSnapshotIntegrity(snapshot: MapSnapshot): void {
  const fail = (path: string, message: string) => {
    throw new MapOperationError("invalid", `${path}: ${message}`, path);
  };
  requireWithinLimits(snapshot);
  const unique = (ids: string[], label: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => (seen.has(id) ? fail(`${label}[${i}].id`, `duplicate id "${id}"`) : seen.add(id)));
    return seen;
  };
  const stageIds = unique(
    snapshot.stages.map((s) => s.id),
    "stages",
  );
  const stepIds = unique(
    snapshot.steps.map((s) => s.id),
    "steps",
  );
  const lanes = new Map(snapshot.lanes.map((l) => [l.id, l]));
  unique(
    snapshot.lanes.map((l) => l.id),
    "lanes",
  );
  snapshot.steps.forEach(
    (s, i) => stageIds.has(s.stageId) || fail(`steps[${i}].stageId`, `unknown stage "${s.stageId}"`),
  );
  const cardIds = new Set<string>();
  snapshot.cells.forEach((cell, i) => {
    const lane = lanes.get(cell.laneId);
    if (!lane) fail(`cells[${i}].laneId`, `unknown lane "${cell.laneId}"`);
    if (!stepIds.has(cell.stepId)) fail(`cells[${i}].stepId`, `unknown step "${cell.stepId}"`);
    cell.cards.forEach((card, j) => {
      if (cardIds.has(card.id)) fail(`cells[${i}].cards[${j}].id`, `duplicate card id "${card.id}"`);
      cardIds.add(card.id);
      if (lane && !cardKindsForLane(lane.type).includes(card.kind))
        fail(`cells[${i}].cards[${j}].kind`, `a ${card.kind} card cannot go in a ${lane.type} lane`);
    });
  });
  const { min, max } = snapshot.settings.emotionScale;
  snapshot.emotions.forEach((e, i) => {
    if (!stepIds.has(e.stepId)) fail(`emotions[${i}].stepId`, `unknown step "${e.stepId}"`);
    if (e.value < min || e.value > max)
      fail(`emotions[${i}].value`, `${e.value} is outside the emotion scale ${min}…${max}`);
  });
}

/** Brings any earlier version of a map snapshot to the current one, tolerantly, and checks it is whole. */
export function upgradeSnapshot(json: unknown): { snapshot: MapSnapshot; report: UpgradeReport } {
  if (!json || typeof json !== "object" || Array.isArray(json))
    throw new MapOperationError("invalid", "snapshot: must be a JSON object");
  let doc = structuredClone(json) as Json;
  const fromVersion = doc.version === undefined ? 0 : Number(doc.version);
  if (!Number.isInteger(fromVersion) || fromVersion < 0)
    throw new MapOperationError("invalid", `version: "${String(doc.version)}" is not a document version`, "version");
  if (fromVersion > MAP_DOCUMENT_VERSION) {
    throw new MapOperationError(
      "invalid",
      `version: ${fromVersion} is newer than this OpenCJM understands (${MAP_DOCUMENT_VERSION}); upgrade OpenCJM`,
      "version",
    );
  }
  for (let v = fromVersion; v < MAP_DOCUMENT_VERSION; v++) doc = upgrades[v]!(doc);
  requireWithinLimits(doc);
  const dropped: string[] = [];
  const snapshot = parseTolerant(doc, dropped);
  validateSnapshotIntegrity(snapshot);
  return { snapshot, report: { fromVersion, dropped } };
}
