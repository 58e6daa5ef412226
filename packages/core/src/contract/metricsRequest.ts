import { z } from "zod";
import { IdSchema } from "../ids.js";
import { SegmentRuleSchema } from "../schemas/persona.js";

const isoDate = z.iso
  .datetime({ offset: true, message: "must be an ISO-8601 date and time, e.g. 2024-05-01T00:00:00Z" })
  .or(z.iso.date({ message: "must be an ISO-8601 date such as 2024-05-01" }));

/** Which customers and events a metrics run looks at. Filters drop events first; every metric is computed on what is left. */
export const MetricsFiltersSchema = z.strictObject({
  /** Only customers whose attributes satisfy this rule (a persona's segment). */
  segment: SegmentRuleSchema.optional(),
  /** Only events on these channels (an event without a channel never matches). */
  channels: z.array(z.string().min(1).max(120)).min(1).max(100).optional(),
  /** Only events at or after this time (UTC; a bare date means its midnight). */
  from: isoDate.optional(),
  /** Only events before this time (exclusive). */
  to: isoDate.optional(),
});
export type MetricsFilters = z.infer<typeof MetricsFiltersSchema>;

/** The largest conversion window, ten years, which is also the default: in practice no window at all. */
export const MAX_CONVERSION_WINDOW_HOURS = 24 * 365 * 10;

/** How the metrics are computed; every field has a default. */
export const MetricsOptionsSchema = z.strictObject({
  /**
   * A step converts to the next when the customer reaches it within this many hours of first reaching the step. The
   * default is the largest window (ten years), so journeys that take weeks or months are not cut unless asked.
   */
  conversionWindowHours: z.number().positive().max(MAX_CONVERSION_WINDOW_HOURS).default(MAX_CONVERSION_WINDOW_HOURS),
  /** A gap longer than this ends a session; it also bounds the time spent at an event. */
  sessionGapMinutes: z
    .number()
    .positive()
    .max(60 * 24 * 30)
    .default(30),
  /** Strict order: between a step and the next, no other step of the map may happen. Loose: anything may happen in between. */
  order: z.enum(["loose", "strict"]).default("loose"),
  /** How many path variants to list before "others". */
  topPaths: z.number().int().min(1).max(500).default(10),
  /** How many transitions from the start of each journey the Sankey diagram shows. */
  sankeyDepth: z.number().int().min(1).max(20).default(5),
  /** Paths include events of touchpoints missing from the map and unmapped events as their own nodes. */
  includeOffMap: z.boolean().default(true),
  /** The directly-follows graph lists at most this many edges (the most frequent). */
  maxEdges: z.number().int().min(1).max(10_000).default(500),
  /** Activities reached by at least this share of customers become steps of the drafted map. */
  draftMinShare: z.number().min(0).max(1).default(0.05),
  /** The drafted map has at most this many steps. */
  draftMaxSteps: z.number().int().min(1).max(200).default(40),
});
export type MetricsOptions = z.infer<typeof MetricsOptionsSchema>;
export type MetricsOptionsInput = z.input<typeof MetricsOptionsSchema>;

/** The body of a metrics request: filters and options. */
export const MetricsRequestSchema = z.strictObject({
  filters: MetricsFiltersSchema.default({}),
  options: MetricsOptionsSchema.default(MetricsOptionsSchema.parse({})),
});
export type MetricsRequest = z.infer<typeof MetricsRequestSchema>;
export type MetricsRequestInput = z.input<typeof MetricsRequestSchema>;

/** The body of POST …/maps/{mapId}/metrics: filters and options, or a persona whose segment filters the customers. */
export const MapMetricsRequestSchema = MetricsRequestSchema.extend({
  /** Filter to the customers of this persona's segment (instead of `filters.segment`). */
  personaId: IdSchema.optional(),
});
export type MapMetricsRequestInput = z.input<typeof MapMetricsRequestSchema>;

/** The body of POST …/maps/{mapId}/draft-from-data (and its preview): a metrics request, the new map's title and the steps to leave out. */
export const DraftFromDataRequestSchema = MapMetricsRequestSchema.extend({
  title: z.string().trim().min(1).max(200).optional(),
  /** Steps of the preview to leave out, by their `key`. */
  leaveOut: z.array(z.string().max(2000)).max(200).optional(),
});
