import { z } from "zod";
import { IdSchema } from "../ids.js";
import { CardSchema, LaneTypeSchema, type Card } from "../schemas/lane.js";
import { MapSettingsSchema } from "../schemas/journeyMap.js";
import { patchSchema } from "../schemas/patchSchema.js";

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a #rrggbb colour");
const name = z.string().max(200);
const description = z.string().max(2000);
const PositionSchema = z
  .strictObject({ after: IdSchema.optional(), before: IdSchema.optional() })
  .refine((p) => !(p.after && p.before), "give after or before, not both");

const CARD_KINDS = CardSchema.options.map((o) => o.shape.kind.value) as [Card["kind"], ...Card["kind"][]];

/** Card fields a caller sends, without the id and order the document assigns; the full card is checked when applied. */
const CardContentSchema = z.looseObject({ kind: z.enum(CARD_KINDS) });

/** Settings a caller may change; every field optional, none reset when left out. */
const SettingsPatchSchema = patchSchema(MapSettingsSchema);

/** Every edit of a map body as JSON: what the REST API accepts and the editor sends. */
export const MapOperationSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("updateSettings"), settings: SettingsPatchSchema }),
  z.strictObject({
    op: z.literal("addStage"),
    id: IdSchema.optional(),
    name,
    description: description.optional(),
    color: color.optional(),
    position: PositionSchema.optional(),
  }),
  z.strictObject({
    op: z.literal("updateStage"),
    stageId: IdSchema,
    name: name.optional(),
    description: description.optional(),
    color: color.nullable().optional(),
  }),
  z.strictObject({ op: z.literal("moveStage"), stageId: IdSchema, position: PositionSchema }),
  z.strictObject({ op: z.literal("deleteStage"), stageId: IdSchema }),
  z.strictObject({
    op: z.literal("addStep"),
    id: IdSchema.optional(),
    stageId: IdSchema,
    name,
    description: description.optional(),
    parallel: z.boolean().optional(),
    position: PositionSchema.optional(),
  }),
  z.strictObject({
    op: z.literal("updateStep"),
    stepId: IdSchema,
    name: name.optional(),
    description: description.optional(),
    parallel: z.boolean().optional(),
    /** True makes this step the journey's goal (and no other step); false unmarks it. */
    goal: z.boolean().optional(),
  }),
  z.strictObject({
    op: z.literal("moveStep"),
    stepId: IdSchema,
    stageId: IdSchema.optional(),
    position: PositionSchema.optional(),
  }),
  z.strictObject({ op: z.literal("deleteStep"), stepId: IdSchema }),
  z.strictObject({
    op: z.literal("addLane"),
    id: IdSchema.optional(),
    type: LaneTypeSchema,
    name,
    color: color.optional(),
    position: PositionSchema.optional(),
  }),
  z.strictObject({
    op: z.literal("updateLane"),
    laneId: IdSchema,
    name: name.optional(),
    color: color.nullable().optional(),
    collapsed: z.boolean().optional(),
    hidden: z.boolean().optional(),
  }),
  z.strictObject({ op: z.literal("moveLane"), laneId: IdSchema, position: PositionSchema }),
  z.strictObject({ op: z.literal("deleteLane"), laneId: IdSchema }),
  z.strictObject({
    op: z.literal("addCard"),
    id: IdSchema.optional(),
    laneId: IdSchema,
    stepId: IdSchema,
    card: CardContentSchema,
    position: PositionSchema.optional(),
  }),
  z.strictObject({ op: z.literal("updateCard"), cardId: IdSchema, fields: z.record(z.string(), z.unknown()) }),
  // Rewrites every field of a card but its place (id, order, lane, step): the repair for a card that no longer reads.
  z.strictObject({ op: z.literal("replaceCard"), cardId: IdSchema, card: CardContentSchema }),
  z.strictObject({
    op: z.literal("moveCard"),
    cardId: IdSchema,
    laneId: IdSchema.optional(),
    stepId: IdSchema.optional(),
    position: PositionSchema.optional(),
  }),
  z.strictObject({ op: z.literal("removeCard"), cardId: IdSchema }),
  z.strictObject({ op: z.literal("clearCell"), laneId: IdSchema, stepId: IdSchema }),
  z.strictObject({
    op: z.literal("setEmotion"),
    personaId: IdSchema,
    stepId: IdSchema,
    value: z.number().finite(),
    note: z.string().max(500).optional(),
  }),
  z.strictObject({ op: z.literal("clearEmotion"), personaId: IdSchema, stepId: IdSchema }),
]);
export type MapOperation = z.infer<typeof MapOperationSchema>;
export type MapOperationInput = z.input<typeof MapOperationSchema>;
export type Position = z.infer<typeof PositionSchema>;
