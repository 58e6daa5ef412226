import { z } from "zod";
import { IdSchema } from "../ids.js";

// Participant journeys (PRODUCT.md §4.5): each participant's own sequence of steps on one map, with how they felt at
// each, entered as a mini-map or drafted from the highlights tagged to the map's steps; and their aggregation onto the
// map ("7 of 10 participants"), with the spread of their emotions and the steps they took that the map lacks.
//
//   GET    …/research/participants/{participantId}/journeys/{mapId}   ParticipantJourneySchema
//   PUT    …/research/participants/{participantId}/journeys/{mapId}   ParticipantJourneyPutSchema → ParticipantJourneySchema
//   DELETE …/research/participants/{participantId}/journeys/{mapId}   204 (back to the draft from highlights)
//   GET    …/research/maps/{mapId}/journeys                           MapJourneysSchema
//   POST   …/research/maps/{mapId}/journeys/adopt                     JourneyStepAdoptSchema → JourneyStepAdoptedSchema

/** A participant's emotion at a step, on the research scale −3 (very negative) … +3 (very positive). */
export const JourneyEmotionSchema = z.number().int().min(-3).max(3);
/** Longest participant journey, in steps. */
export const JOURNEY_STEPS_MAX = 200;

const note = z.string().max(2000);

/** One step of a participant's journey as sent: a step of the map, or one the map lacks, named in their words. */
export const JourneyStepInputSchema = z.union([
  z.strictObject({ stepId: IdSchema, emotion: JourneyEmotionSchema, note: note.default("") }),
  z.strictObject({ name: z.string().trim().min(1).max(200), emotion: JourneyEmotionSchema, note: note.default("") }),
]);
export type JourneyStepInput = z.infer<typeof JourneyStepInputSchema>;

/** Body of PUT …/participants/{participantId}/journeys/{mapId}: the whole journey in the order they went. */
export const ParticipantJourneyPutSchema = z.strictObject({
  steps: z.array(JourneyStepInputSchema).max(JOURNEY_STEPS_MAX),
});
export type ParticipantJourneyPutRequest = z.input<typeof ParticipantJourneyPutSchema>;
export type ParticipantJourneyPut = z.infer<typeof ParticipantJourneyPutSchema>;

/** One step of a participant's journey as answered; `missing` when its map step has since been deleted. */
export const JourneyStepSchema = z.object({
  /** The map's step, or null for a step the map lacks. */
  stepId: z.string().nullable(),
  /** The map step's current name, else the participant's words. */
  name: z.string(),
  emotion: JourneyEmotionSchema,
  note: z.string(),
  missing: z.boolean(),
});
export type JourneyStep = z.infer<typeof JourneyStepSchema>;

/**
 * Where a journey comes from: entered as a mini-map, drafted from the participant's highlights on the map's steps
 * (in the map's order, each step's emotion from their sentiment there), or none of either.
 */
export const JourneySourceSchema = z.enum(["entered", "highlights", "none"]);
export type JourneySource = z.infer<typeof JourneySourceSchema>;

/** A participant's journey on one map. */
export const ParticipantJourneySchema = z.object({
  participantId: z.string(),
  participantCode: z.string(),
  mapId: z.string(),
  source: JourneySourceSchema,
  steps: z.array(JourneyStepSchema),
  /** When it was last entered; null for a draft. */
  updatedAt: z.string().nullable(),
});
export type ParticipantJourney = z.infer<typeof ParticipantJourneySchema>;

/** How many participants went through one step of the map, and how they felt there. */
export const MapJourneyStepSchema = z.object({
  stepId: z.string(),
  /** Participants whose journey holds this step (each counted once). */
  participants: z.number().int().min(0),
  participantCodes: z.array(z.string()),
  /** Each of those participants' emotion here (their mean when they passed it more than once), ascending. */
  emotions: z.array(z.number()),
  min: z.number().nullable(),
  max: z.number().nullable(),
  mean: z.number().nullable(),
  /** What participants wrote on this step of their own journey, by code (code order). */
  notes: z.array(z.object({ participantCode: z.string(), note: z.string() })),
});
export type MapJourneyStep = z.infer<typeof MapJourneyStepSchema>;

/** A step participants took that the map lacks, by name (folded for case and spacing), with where it would go. */
export const UnmappedJourneyStepSchema = z.object({
  name: z.string(),
  participants: z.number().int().min(0),
  participantCodes: z.array(z.string()),
  mean: z.number(),
  /** The map step most of them took just before it; null when it came first. */
  afterStepId: z.string().nullable(),
});
export type UnmappedJourneyStep = z.infer<typeof UnmappedJourneyStepSchema>;

/**
 * Answer of GET …/research/maps/{mapId}/journeys: of the participants with a journey on the map (entered, or drafted
 * from their highlights), how many went through each step and how they felt (−3…+3), and the steps the map lacks.
 */
export const MapJourneysSchema = z.object({
  mapId: z.string(),
  participants: z.number().int().min(0),
  steps: z.array(MapJourneyStepSchema),
  unmapped: z.array(UnmappedJourneyStepSchema),
});
export type MapJourneys = z.infer<typeof MapJourneysSchema>;

/** Body of POST …/research/maps/{mapId}/journeys/adopt: add a step participants took to the map. */
export const JourneyStepAdoptSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** The map step it goes after (in that step's stage); left out, it starts the map's first stage. */
  afterStepId: IdSchema.nullable().default(null),
});
export type JourneyStepAdoptRequest = z.input<typeof JourneyStepAdoptSchema>;
export type JourneyStepAdopt = z.infer<typeof JourneyStepAdoptSchema>;

/** Answer of …/journeys/adopt: the new step, and how many participants' journey steps now point at it. */
export const JourneyStepAdoptedSchema = z.object({
  stepId: z.string(),
  linked: z.number().int().min(0),
});
export type JourneyStepAdopted = z.infer<typeof JourneyStepAdoptedSchema>;
