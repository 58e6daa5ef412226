import { z } from "zod";
import { IdSchema, LaneIdSchema, MapIdSchema, PersonaIdSchema, StageIdSchema, StepIdSchema } from "../ids.js";
import { LocaleSchema } from "../locale.js";
import { CardSchema, LaneTypeSchema } from "./lane.js";
import { SegmentRuleSchema } from "./persona.js";

/** Map types of PRODUCT.md §4.4. */
export const MAP_TYPES = [
  "currentState",
  "futureState",
  "dayInTheLife",
  "serviceBlueprint",
  "employeeJourney",
] as const;
export const MapTypeSchema = z.enum(MAP_TYPES);
export type MapType = z.infer<typeof MapTypeSchema>;

export const MAP_STATUSES = ["draft", "published", "archived"] as const;
export const MapStatusSchema = z.enum(MAP_STATUSES);

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a #rrggbb colour");
const order = z.string().min(1).max(64);

/** The numeric scale emotions are stored on, with optional labels for its ends. */
export const EmotionScaleSchema = z
  .strictObject({
    min: z.number().int().min(-10).max(0),
    max: z.number().int().min(1).max(10),
    minLabel: z.string().max(60).default(""),
    maxLabel: z.string().max(60).default(""),
  })
  .refine((s) => s.min < s.max, { message: "min must be below max", path: ["min"] });
export type EmotionScale = z.infer<typeof EmotionScaleSchema>;

/** Map settings (PRODUCT.md §4.2). */
export const MapSettingsSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  type: MapTypeSchema,
  goal: z.string().max(2000).default(""),
  scope: z.string().max(2000).default(""),
  personaIds: z.array(PersonaIdSchema).max(20).default([]),
  segment: SegmentRuleSchema.optional(),
  status: MapStatusSchema.default("draft"),
  tags: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  emotionScale: EmotionScaleSchema.default({ min: -2, max: 2, minLabel: "", maxLabel: "" }),
  locale: LocaleSchema.default("en"),
  /** The current-state map a future-state map was made from. */
  basedOnMapId: MapIdSchema.optional(),
  templateId: z.string().max(60).optional(),
});
export type MapSettings = z.infer<typeof MapSettingsSchema>;
export type MapSettingsInput = z.input<typeof MapSettingsSchema>;

export const StageSchema = z.strictObject({
  id: StageIdSchema,
  name: z.string().max(200),
  description: z.string().max(2000).default(""),
  color: color.optional(),
  order,
  /** The stage of the map this one was derived from (`settings.basedOnMapId`); lets a comparison follow it. */
  originId: IdSchema.optional(),
});
export type Stage = z.infer<typeof StageSchema>;

export const StepSchema = z.strictObject({
  id: StepIdSchema,
  stageId: StageIdSchema,
  name: z.string().max(200),
  description: z.string().max(2000).default(""),
  /** Parallel steps happen at the same time as the step before them and are drawn stacked. */
  parallel: z.boolean().default(false),
  /**
   * The journey's goal (e.g. "Purchase completed"): customers who reach it did what the journey is for, so the steps
   * after it are optional and leaving there is not drop-off. Stored only on the one goal step; absent on older maps.
   */
  goal: z.literal(true).optional(),
  order,
  /** The step of the map this one was derived from (`settings.basedOnMapId`); lets a comparison follow a renamed step. */
  originId: IdSchema.optional(),
});
export type Step = z.infer<typeof StepSchema>;

export const LaneSchema = z.strictObject({
  id: LaneIdSchema,
  type: LaneTypeSchema,
  name: z.string().max(200),
  color: color.optional(),
  collapsed: z.boolean().default(false),
  hidden: z.boolean().default(false),
  order,
  /** The lane of the map this one was derived from (`settings.basedOnMapId`). */
  originId: IdSchema.optional(),
});
export type Lane = z.infer<typeof LaneSchema>;

export const CellSchema = z.strictObject({
  laneId: LaneIdSchema,
  stepId: StepIdSchema,
  // Generous: live editors can add cards without limit, and a stored map must always read back.
  cards: z.array(CardSchema).max(10_000),
});
export type Cell = z.infer<typeof CellSchema>;

export const EmotionPointSchema = z.strictObject({
  personaId: PersonaIdSchema,
  stepId: StepIdSchema,
  value: z.number(),
  note: z.string().max(500).default(""),
});
export type EmotionPoint = z.infer<typeof EmotionPointSchema>;

/**
 * A card stored in a map that does not fit its schema (written by an older version, or damaged): kept with its raw
 * fields and the problem, so no read or export loses it silently; repaired with `replaceCard` or `removeCard`.
 */
export const UnreadableCardSchema = z.strictObject({
  id: z.string().max(64),
  laneId: z.string().max(64),
  stepId: z.string().max(64),
  fields: z.record(z.string(), z.unknown()),
  problem: z.string().max(500),
});
export type UnreadableCard = z.infer<typeof UnreadableCardSchema>;

/** The current document version; bump it together with an upgrade step in `upgradeSnapshot`. */
export const MAP_DOCUMENT_VERSION = 1;

/** A whole map body as plain JSON: what reads and exports use, and what import accepts. Arrays are sorted by `order`. */
export const MapSnapshotSchema = z.strictObject({
  version: z.literal(MAP_DOCUMENT_VERSION),
  settings: MapSettingsSchema,
  stages: z.array(StageSchema).max(1_000),
  steps: z.array(StepSchema).max(10_000),
  lanes: z.array(LaneSchema).max(1_000),
  cells: z.array(CellSchema).max(1_000_000),
  emotions: z.array(EmotionPointSchema).max(1_000_000),
  /** Present only when some cards could not be read; never imported as cards. */
  unreadableCards: z.array(UnreadableCardSchema).max(100_000).optional(),
});
export type MapSnapshot = z.infer<typeof MapSnapshotSchema>;
export type MapSnapshotInput = z.input<typeof MapSnapshotSchema>;
