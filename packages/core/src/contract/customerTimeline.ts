import { z } from "zod";
import { MapMetricsRequestSchema, MAX_CONVERSION_WINDOW_HOURS } from "./metricsRequest.js";
import { CustomerSurveyAnswerSchema } from "./researchSurveys.js";
import { IdentifierKindSchema, ScoreKindSchema } from "./sources.js";

// One customer's cross-referenced timeline (PRODUCT.md §2, "cross-reference it into each customer's timeline"): who
// they are by every identifier stitching joined, why those are one person, what they did in time order across every
// source, and how that reads against a map. Personal data: the server gives it to owners and editors only.

/** An identifier as stored: its kind and its normalised value. */
export const CustomerIdentifierSchema = z.object({ kind: z.string(), value: z.string() });
export type CustomerIdentifier = z.infer<typeof CustomerIdentifierSchema>;

/** Finding a customer: any identifier (e-mail, phone, cookie, CRM id…), its kind when the value alone is ambiguous. */
export const CustomerTimelineQuerySchema = z.object({
  identifier: z.string().trim().min(1).max(500),
  kind: IdentifierKindSchema.optional(),
  /** A map whose steps are read against the customer's events. */
  mapId: z.string().min(1).max(64).optional(),
  /** The conversion window the map's steps are read with (hours); none (the largest) when not given. */
  windowHours: z.coerce.number().positive().max(MAX_CONVERSION_WINDOW_HOURS).optional(),
});
export type CustomerTimelineQuery = z.infer<typeof CustomerTimelineQuerySchema>;

/** One of the customer's events, from any source. */
export const CustomerEventSchema = z.object({
  at: z.string(),
  sourceId: z.string(),
  sourceName: z.string(),
  /** The event's data row in its source file (1-based). */
  row: z.number().int(),
  eventName: z.string(),
  channel: z.string().nullable(),
  score: z.number().nullable(),
  scoreKind: ScoreKindSchema.nullable(),
  text: z.string().nullable(),
  properties: z.record(z.string(), z.string()),
});
export type CustomerEvent = z.infer<typeof CustomerEventSchema>;

/** One merge of two identifiers into one customer, with the sentence that explains it. */
export const CustomerMergeSchema = z.object({
  left: CustomerIdentifierSchema,
  right: CustomerIdentifierSchema,
  /** Why, in English ("row 12 of crm.csv (source "CRM") has both …"); screens compose it in their language. */
  reason: z.string(),
  sourceId: z.string().nullable(),
  sourceName: z.string().nullable(),
  fileName: z.string().nullable(),
  row: z.number().int().nullable(),
});

/** Reached (an event at it), skipped (the customer went past it without it) or not reached. */
export const CustomerStepStatusSchema = z.enum(["reached", "skipped", "notReached"]);
export type CustomerStepStatus = z.infer<typeof CustomerStepStatusSchema>;

/** One step of the chosen map for this customer. */
export const CustomerMapStepSchema = z.object({
  stepId: z.string(),
  name: z.string(),
  stageName: z.string(),
  status: CustomerStepStatusSchema,
  /** First time the customer reached it. */
  firstAt: z.string().nullable(),
  /** Whether they went on to the next step within the conversion window; null at the last step or when not reached. */
  wentOn: z.boolean().nullable(),
});
export type CustomerMapStep = z.infer<typeof CustomerMapStepSchema>;

/** A customer's timeline: identifiers, merge log, attributes, events in time order and the map's steps for them. */
export const CustomerTimelineSchema = z.object({
  identifiers: z.array(CustomerIdentifierSchema),
  mergeLog: z.array(CustomerMergeSchema),
  attributes: z.record(z.string(), z.string()),
  /** All their events; `events` lists the first ones when there are more than the server sends. */
  eventCount: z.number().int(),
  events: z.array(CustomerEventSchema),
  map: z
    .object({
      mapId: z.string(),
      title: z.string(),
      conversionWindowHours: z.number(),
      steps: z.array(CustomerMapStepSchema),
    })
    .nullable(),
  /** Their answers to the workspace's surveys (respondents joined through an identifier), newest survey first. */
  surveyAnswers: z.array(CustomerSurveyAnswerSchema),
});
export type CustomerTimeline = z.infer<typeof CustomerTimelineSchema>;

/** Which customers left a step: the data view's filters, and how many to list. */
export const CustomersWhoLeftRequestSchema = MapMetricsRequestSchema.extend({
  limit: z.number().int().min(1).max(100).default(20),
});
export type CustomersWhoLeftRequest = z.input<typeof CustomersWhoLeftRequestSchema>;

/** A sample of the customers who reached a step and did not go on to the next one within the window. */
export const CustomersWhoLeftSchema = z.object({
  stepId: z.string(),
  stepName: z.string(),
  /** How many customers left here in all (the step's drop-off). */
  left: z.number().int(),
  /** The conversion window "went on" was judged with, stated so no reader has to guess it. */
  conversionWindowHours: z.number(),
  customers: z.array(
    z.object({
      /** The identifier to look them up by (their CRM id, else e-mail, phone, cookie…). */
      identifier: CustomerIdentifierSchema,
      reachedAt: z.string(),
    }),
  ),
});
export type CustomersWhoLeft = z.infer<typeof CustomersWhoLeftSchema>;
