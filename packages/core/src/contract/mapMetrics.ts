import { z } from "zod";
import { MapSnapshotSchema } from "../schemas/journeyMap.js";
import { MetricsFiltersSchema, MetricsOptionsSchema } from "./metricsRequest.js";

const count = z.number().int().min(0);
const rate = z.number().min(0).max(1).nullable();
const ms = z.number().min(0).nullable();

/** Median and 90th percentile (nearest rank), in milliseconds; null when nothing was measured. */
export const DurationQuantilesSchema = z.object({ count, medianMs: ms, p90Ms: ms });

/** Conversion from a step (or stage) to the next one of the map. */
export const ConversionSchema = z.object({
  /** Ids of the steps (or the stage) that count as "next": the steps of the next level, parallel ones together. */
  nextIds: z.array(z.string()),
  converted: count,
  rate,
  dropOff: count,
  dropOffRate: rate,
  timeToNext: DurationQuantilesSchema,
});

const ScoreSchema = z.object({ count, mean: z.number().nullable() });
/** Score averages by kind; `nps.score` is the Net Promoter Score (% promoters − % detractors). */
export const ScoresSchema = z.object({
  csat: ScoreSchema,
  nps: ScoreSchema.extend({ score: z.number().nullable() }),
  ces: ScoreSchema,
});

/** The value on the map's emotion scale computed from data, and what it came from. */
export const EmotionSchema = z.object({
  value: z.number().nullable(),
  source: z.enum(["scores", "sentiment"]).nullable(),
});

/** A customer's own words, chosen to represent a step. */
export const QuoteSchema = z.object({ text: z.string(), language: z.string(), sentiment: z.number(), at: z.string() });

/** What customers wrote at a step: how much, how positive (−1…1), in which languages, and a few quotes. */
export const SentimentSummarySchema = z.object({
  count,
  mean: z.number().nullable(),
  languages: z.record(z.string(), count),
  quotes: z.array(QuoteSchema),
});

const TimeSpentSchema = z.object({ totalMs: z.number().min(0), perCustomerMs: ms });

/** Everything measured at one step of the map. */
export const StepMetricsSchema = z.object({
  stepId: z.string(),
  stageId: z.string(),
  name: z.string(),
  /** Position in the designed order; parallel steps share their level. */
  level: count,
  touchpointIds: z.array(z.string()),
  customers: count,
  events: count,
  share: rate,
  conversion: ConversionSchema.nullable(),
  timeSpent: TimeSpentSchema,
  scores: ScoresSchema,
  emotion: EmotionSchema,
  sentiment: SentimentSummarySchema,
  /** Customers who jumped over this step, and returns to it after leaving it. */
  skipped: count,
  revisits: count,
});

/** Everything measured at one stage of the map. */
export const StageMetricsSchema = z.object({
  stageId: z.string(),
  name: z.string(),
  customers: count,
  events: count,
  share: rate,
  conversion: ConversionSchema.nullable(),
  timeSpent: TimeSpentSchema,
  scores: ScoresSchema,
  emotion: EmotionSchema,
  sentiment: SentimentSummarySchema.omit({ quotes: true }),
  backSteps: count,
  backStepCustomers: count,
  loops: count,
  loopCustomers: count,
});

/** A node of the paths: a step, a touchpoint missing from the map, or an unmapped event. */
export const PathNodeSchema = z.object({
  id: z.string(),
  kind: z.enum(["step", "touchpoint", "event"]),
  label: z.string(),
  events: count,
  customers: count,
  /** Journeys that start and end at this node. */
  starts: count,
  ends: count,
});

/** Paths through the data: nodes, the directly-follows graph, variants and the Sankey table. */
export const PathsSchema = z.object({
  nodes: z.array(PathNodeSchema),
  edges: z.array(z.object({ from: z.string(), to: z.string(), count, customers: count, meanMs: z.number().min(0) })),
  edgesOmitted: count,
  variants: z.object({
    items: z.array(z.object({ nodes: z.array(z.string()), customers: count, share: rate })),
    others: z.object({ customers: count, variants: count }),
    distinct: count,
  }),
  sankey: z.object({
    nodes: z.array(z.object({ id: z.string(), depth: count, node: z.string(), customers: count })),
    links: z.array(z.object({ source: z.string(), target: z.string(), customers: count })),
    /** Links beyond the 2,000 most travelled, left out. */
    linksOmitted: count,
  }),
});

/** How real journeys follow the designed map. */
export const ConformanceSchema = z.object({
  /** Customers with at least one event at a step of the map. */
  customers: count,
  conforming: count,
  share: rate,
  withSkips: count,
  withBackSteps: count,
  withLoops: count,
  /** Touchpoints the rules found in the data that are on no step of the map. */
  missingTouchpoints: z.array(
    z.object({ touchpointId: z.string(), label: z.string(), events: count, customers: count }),
  ),
});

/**
 * All metrics of one map over a workspace's customer data (PRODUCT.md §4.6), computed in one pass over the journey
 * store. Semantics: packages/analytics/README.md.
 */
export const MapMetricsSchema = z.object({
  computedAt: z.string(),
  storeGeneration: z.string(),
  filters: MetricsFiltersSchema,
  options: MetricsOptionsSchema,
  totals: z.object({
    customers: count,
    events: count,
    storeCustomers: count,
    storeEvents: count,
    mappedEvents: count,
    onMapEvents: count,
    firstEventAt: z.string().nullable(),
    lastEventAt: z.string().nullable(),
  }),
  stages: z.array(StageMetricsSchema),
  steps: z.array(StepMetricsSchema),
  funnel: z.object({
    steps: z.array(z.object({ level: count, stepIds: z.array(z.string()), customers: count, rate })),
    stages: z.array(z.object({ stageId: z.string(), customers: count, rate })),
  }),
  touchpoints: z.array(
    z.object({
      touchpointId: z.string(),
      label: z.string(),
      stepId: z.string().nullable(),
      events: count,
      customers: count,
      timeSpentMs: z.number().min(0),
    }),
  ),
  unmapped: z.object({
    events: count,
    customers: count,
    distinct: count,
    items: z.array(
      z.object({ eventName: z.string(), channel: z.string().nullable(), events: count, customers: count }),
    ),
  }),
  sessions: z.object({ count, meanDurationMs: ms, meanEvents: z.number().nullable() }),
  paths: PathsSchema,
  conformance: ConformanceSchema,
  /** A current-state map drafted from the most common paths, ready to be created as a new map. */
  draft: MapSnapshotSchema,
  warnings: z.array(z.string()),
});
export type MapMetrics = z.infer<typeof MapMetricsSchema>;
export type StepMetrics = z.infer<typeof StepMetricsSchema>;
export type StageMetrics = z.infer<typeof StageMetricsSchema>;
export type PathNode = z.infer<typeof PathNodeSchema>;
export type Paths = z.infer<typeof PathsSchema>;
export type Conformance = z.infer<typeof ConformanceSchema>;
export type Conversion = z.infer<typeof ConversionSchema>;
export type Scores = z.infer<typeof ScoresSchema>;
export type MeasuredQuote = z.infer<typeof QuoteSchema>;
export type DurationQuantiles = z.infer<typeof DurationQuantilesSchema>;
/**
 * How long journeys take from their first to their last event in scope (a "case" in process mining), overall and per
 * path variant: the variant's cases and their throughput time (median and 90th percentile, nearest rank). Semantics:
 * packages/analytics/README.md ("Case durations").
 */
export const CaseDurationsSchema = z.object({
  /** The conversion window the rest of the answer was computed with, stated so no reader has to guess it. */
  conversionWindowHours: z.number(),
  cases: DurationQuantilesSchema,
  variants: z.array(
    z.object({
      /** Path node ids, as in the metrics' paths (steps, `tp:<id>`, `event:<name>`). */
      nodes: z.array(z.string()),
      customers: count,
      /** Share of the customers with a non-empty path. */
      share: z.number().min(0).max(1).nullable(),
      duration: DurationQuantilesSchema,
    }),
  ),
});
export type CaseDurations = z.infer<typeof CaseDurationsSchema>;

/** A step of a map drafted from data: the activity it stands for and how many customers reach it. */
export const DraftStepSchema = z.object({
  /** `tp:<touchpointId>` or `event:<event name>`: what `leaveOut` names to drop the step. */
  key: z.string(),
  name: z.string(),
  /** The touchpoint the step's events are, or null for an event no rule maps yet (the draft creates its rule). */
  touchpointId: z.string().nullable(),
  eventName: z.string().nullable(),
  /** The channel most of the event's events come on (for the touchpoint the draft creates), or null. */
  channel: z.string().nullable(),
  customers: count,
  /** Share of the customers in scope. */
  share: rate,
});

/**
 * A current-state map drafted from the data, before it is created (`POST …/draft-from-data/preview`): its stages in
 * the order customers go through them, each stage once, and their steps. Semantics: packages/analytics/README.md.
 */
export const DraftPlanSchema = z.object({
  title: z.string(),
  customers: count,
  conversionWindowHours: z.number(),
  stages: z.array(z.object({ name: z.string(), steps: z.array(DraftStepSchema) })),
});
export type DraftPlan = z.infer<typeof DraftPlanSchema>;
export type DraftStep = z.infer<typeof DraftStepSchema>;
