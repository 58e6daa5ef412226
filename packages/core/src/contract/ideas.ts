import { z } from "zod";
import { IdSchema } from "../ids.js";
import { IceInputSchema, MatrixPositionSchema, RiceInputSchema } from "../scoring/ideaScores.js";

// Ideas (PRODUCT.md §4.7): a proposed change, anchored to the pain points, opportunities, cells and steps of maps it
// answers, scored (ICE, RICE, the impact/effort matrix) and tracked through a status workflow whose every change is
// kept with its date and person. Anchors are stored by ids (map, card, step, lane), so renaming a card or step never
// breaks a link; a link whose card or step was deleted is kept and answered with `missing: true`.

/** The workflow: new → approved → in progress → shipped → measured; rejected (with a reason) before shipping. */
export const IDEA_STATUSES = ["new", "approved", "inProgress", "shipped", "measured", "rejected"] as const;
export const IdeaStatusSchema = z.enum(IDEA_STATUSES);
export type IdeaStatus = z.infer<typeof IdeaStatusSchema>;

const nextStatuses: Record<IdeaStatus, readonly IdeaStatus[]> = {
  new: ["approved", "rejected"],
  approved: ["inProgress", "rejected"],
  inProgress: ["shipped", "rejected"],
  shipped: ["measured"],
  measured: [],
  rejected: [],
};

/** The statuses an idea may move to from `from`; the workflow only goes forward, so it has no cycles. */
export function ideaStatusesAfter(from: IdeaStatus): readonly IdeaStatus[] {
  return nextStatuses[from];
}

const title = z.string().trim().min(1).max(200);
const description = z.string().max(20_000);
const tag = z.string().trim().min(1).max(40);

/**
 * What an idea is anchored to on a map: a card (a pain point, an opportunity or any other card) by `cardId`, a cell
 * by `stepId` and `laneId`, or a whole step by `stepId` alone.
 */
export const IdeaAnchorInputSchema = z
  .strictObject({
    mapId: IdSchema,
    cardId: IdSchema.optional(),
    stepId: IdSchema.optional(),
    laneId: IdSchema.optional(),
  })
  .refine((a) => a.cardId !== undefined || a.stepId !== undefined, {
    message: "name a cardId, or a stepId (with a laneId for a cell)",
    path: ["cardId"],
  });
export type IdeaAnchorInput = z.infer<typeof IdeaAnchorInputSchema>;

/** A step the idea changes. */
export const IdeaStepInputSchema = z.strictObject({ mapId: IdSchema, stepId: IdSchema });
export type IdeaStepInput = z.infer<typeof IdeaStepInputSchema>;

const ideaFields = {
  title,
  description,
  /** A member of the workspace, or null for nobody yet. */
  ownerId: IdSchema.nullable(),
  tags: z.array(tag).max(30),
  anchors: z.array(IdeaAnchorInputSchema).max(100),
  steps: z.array(IdeaStepInputSchema).max(100),
  /** Touchpoints of the workspace's catalogue the idea changes. */
  touchpointIds: z.array(IdSchema).max(100),
  /** KPIs (ids of the workspace's KPIs) the idea should move; the effect of a shipped idea is measured on them. */
  kpiIds: z.array(IdSchema).max(50),
  ice: IceInputSchema.nullable(),
  rice: RiceInputSchema.nullable(),
};

/** Body of POST /api/workspaces/{workspaceId}/ideas: only the title is required. */
export const IdeaCreateSchema = z.strictObject({
  title,
  description: description.default(""),
  ownerId: ideaFields.ownerId.default(null),
  tags: ideaFields.tags.default([]),
  anchors: ideaFields.anchors.default([]),
  steps: ideaFields.steps.default([]),
  touchpointIds: ideaFields.touchpointIds.default([]),
  kpiIds: ideaFields.kpiIds.default([]),
  ice: ideaFields.ice.default(null),
  rice: ideaFields.rice.default(null),
});
export type IdeaCreateRequest = z.input<typeof IdeaCreateSchema>;
export type IdeaCreate = z.infer<typeof IdeaCreateSchema>;

/** Body of PATCH …/ideas/{ideaId}: any subset of the fields; a list sent replaces the stored one, null clears a score. */
export const IdeaUpdateSchema = z.strictObject(ideaFields).partial();
export type IdeaUpdate = z.infer<typeof IdeaUpdateSchema>;

/** Body of POST …/ideas/{ideaId}/status; `reason` is required for "rejected", `at` (not in the future) defaults to now. */
export const IdeaStatusChangeRequestSchema = z.strictObject({
  status: IdeaStatusSchema,
  reason: z.string().trim().min(1).max(2000).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  /** Moving to "measured": the trial period after shipping, in days, over which the idea's KPIs are compared. */
  trialDays: z.number().int().min(1).max(365).optional(),
  /** Moving to "measured": the days compared before the ship date (default: the trial period). */
  beforeDays: z.number().int().min(1).max(365).optional(),
  /** Moving to "measured": the days compared after the ship date (default: the trial period). */
  afterDays: z.number().int().min(1).max(365).optional(),
});
export type IdeaStatusChangeRequest = z.infer<typeof IdeaStatusChangeRequestSchema>;

/** Body of PUT …/ideas/{ideaId}/matrix: the idea's place on the impact/effort matrix. */
export const IdeaMatrixMoveSchema = MatrixPositionSchema;

/** Query of GET …/ideas: every filter is optional and they combine; `sort` ranks the backlog (highest score first). */
export const IdeaListQuerySchema = z.strictObject({
  mapId: IdSchema.optional(),
  stageId: IdSchema.optional(),
  status: IdeaStatusSchema.optional(),
  ownerId: IdSchema.optional(),
  tag: tag.optional(),
  sort: z.enum(["ice", "rice", "updated", "created"]).optional(),
});
export type IdeaListQuery = z.infer<typeof IdeaListQuerySchema>;

/** What a link points at, as resolved against the map when the idea is read. */
export const IdeaLinkKindSchema = z.enum(["painPoint", "opportunity", "card", "cell", "step"]);
export type IdeaLinkKind = z.infer<typeof IdeaLinkKindSchema>;

/**
 * An anchor or changed step as answered: its ids, what it is, its current text (or the text it had when linked, once
 * it is gone), its stage, and `missing` when the map, card or step no longer exists.
 */
export const IdeaLinkSchema = z.object({
  mapId: z.string(),
  mapTitle: z.string().nullable(),
  cardId: z.string().nullable(),
  stepId: z.string().nullable(),
  laneId: z.string().nullable(),
  stageId: z.string().nullable(),
  kind: IdeaLinkKindSchema,
  label: z.string(),
  missing: z.boolean(),
});
export type IdeaLink = z.infer<typeof IdeaLinkSchema>;

/** One change of status: to what, when, by whom, and why (always for "rejected"). */
export const IdeaStatusChangeSchema = z.object({
  status: IdeaStatusSchema,
  at: z.string(),
  byUserId: z.string().nullable(),
  byName: z.string().nullable(),
  reason: z.string().nullable(),
});
export type IdeaStatusChange = z.infer<typeof IdeaStatusChangeSchema>;

/**
 * An idea as every endpoint answers it. `history` is oldest first and starts with "new"; `shippedAt` is the date of
 * its change to "shipped" (null before), which the measured effect of the idea's `kpiIds` is computed around.
 */
export const IdeaSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  title: z.string(),
  description: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  tags: z.array(z.string()),
  status: IdeaStatusSchema,
  anchors: z.array(IdeaLinkSchema),
  steps: z.array(IdeaLinkSchema),
  touchpointIds: z.array(z.string()),
  kpiIds: z.array(z.string()),
  ice: IceInputSchema.nullable(),
  iceScore: z.number().nullable(),
  rice: RiceInputSchema.nullable(),
  riceScore: z.number().nullable(),
  matrix: MatrixPositionSchema.nullable(),
  history: z.array(IdeaStatusChangeSchema),
  shippedAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Idea = z.infer<typeof IdeaSchema>;

/** What the customers' data says at one step an idea is linked to (null where the map has no data for it). */
export const IdeaStepEvidenceSchema = z.object({
  mapId: z.string(),
  stepId: z.string(),
  stepName: z.string(),
  customers: z.number().int().min(0),
  dropOff: z.number().int().min(0).nullable(),
  dropOffRate: z.number().min(0).max(1).nullable(),
  /** Mean sentiment of what customers wrote there, −1…1. */
  sentiment: z.number().nullable(),
  feedbackCount: z.number().int().min(0),
  /** Quote cards on the map at this step (research notes and testimonials). */
  quoteCards: z.number().int().min(0),
  /** Research highlights anchored to this step (to it, its stage or a card on it). */
  highlights: z.number().int().min(0),
  /** The participants and the research notes those highlights come from. */
  highlightParticipants: z.number().int().min(0),
  highlightNotes: z.number().int().min(0),
});

/** Answer of GET …/ideas/{ideaId}/evidence: per linked step, and the maps that could not be measured (and why). */
export const IdeaEvidenceSchema = z.object({
  steps: z.array(IdeaStepEvidenceSchema),
  /**
   * Research highlights anchored to the idea itself (`onIdea`) or to any of its steps, each counted once, with the
   * participants and notes they come from; counted whether or not the maps have customer data.
   */
  research: z.object({
    highlights: z.number().int().min(0),
    participants: z.number().int().min(0),
    notes: z.number().int().min(0),
    onIdea: z.number().int().min(0),
  }),
  unmeasured: z.array(z.object({ mapId: z.string(), reason: z.string() })),
});
export type IdeaEvidence = z.infer<typeof IdeaEvidenceSchema>;
