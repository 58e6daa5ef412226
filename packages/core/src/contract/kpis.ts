import { z } from "zod";
import { IdSchema } from "../ids.js";
import { MetricsFiltersSchema } from "./metricsRequest.js";

/** What a KPI computed from the data measures (semantics: packages/analytics/README.md, "KPIs"). */
export const KpiMeasureSchema = z.enum([
  "reach",
  "conversion",
  "dropOff",
  "medianTime",
  "p90Time",
  "csat",
  "nps",
  "ces",
  "negativeShare",
]);
export type KpiMeasure = z.infer<typeof KpiMeasureSchema>;

/** Measures that are a share of customers or texts (0…1): their effect is judged with a two-proportion test. */
export const PROPORTION_MEASURES: readonly KpiMeasure[] = ["conversion", "dropOff", "negativeShare"];

/** Where a KPI sits: on the workspace, or on a stage, step or touchpoint of a map. */
export const KpiAnchorSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("workspace") }),
  z.strictObject({ kind: z.literal("stage"), mapId: IdSchema, stageId: IdSchema }),
  z.strictObject({ kind: z.literal("step"), mapId: IdSchema, stepId: IdSchema }),
  z.strictObject({ kind: z.literal("touchpoint"), mapId: IdSchema, touchpointId: IdSchema }),
]);
export type KpiAnchor = z.infer<typeof KpiAnchorSchema>;

/** Where a KPI's values come from: entered by hand, or computed from the customers' events. */
export const KpiSourceSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("manual") }),
  z.strictObject({
    kind: z.literal("data"),
    measure: KpiMeasureSchema,
    /** Conversion, drop-off and times between the anchor step and this step instead of the next level. */
    toStepId: IdSchema.optional(),
  }),
]);
export type KpiSource = z.infer<typeof KpiSourceSchema>;

const kpiFields = {
  name: z.string().trim().min(1).max(200),
  /** A label shown after manual values (e.g. "%", "€"); data KPIs are shown in their measure's own unit. */
  unit: z.string().trim().max(30).default(""),
  direction: z.enum(["higher", "lower"]).default("higher"),
  target: z.number().finite().nullable().default(null),
  /** A member of the workspace responsible for the KPI. */
  ownerId: IdSchema.nullable().default(null),
};

/** The body of POST …/kpis. */
export const KpiCreateSchema = z.strictObject({ anchor: KpiAnchorSchema, source: KpiSourceSchema, ...kpiFields });
export type KpiCreateInput = z.input<typeof KpiCreateSchema>;

/** The body of PATCH …/kpis/{kpiId}: fields left out stay. */
export const KpiPatchSchema = z.strictObject({
  name: kpiFields.name.optional(),
  unit: z.string().trim().max(30).optional(),
  direction: z.enum(["higher", "lower"]).optional(),
  target: z.number().finite().nullable().optional(),
  ownerId: IdSchema.nullable().optional(),
  source: KpiSourceSchema.optional(),
});
export type KpiPatch = z.infer<typeof KpiPatchSchema>;

/** A KPI as the API shows it. */
export const KpiSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  anchor: KpiAnchorSchema,
  source: KpiSourceSchema,
  name: z.string(),
  unit: z.string(),
  direction: z.enum(["higher", "lower"]),
  target: z.number().nullable(),
  ownerId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Kpi = z.infer<typeof KpiSchema>;

const day = z.iso.date({ message: "must be an ISO-8601 date such as 2024-05-01" });

/** The body of POST …/kpis/{kpiId}/values: a value entered by hand for a date. */
export const KpiValueCreateSchema = z.strictObject({
  date: day,
  value: z.number().finite(),
  note: z.string().trim().max(500).default(""),
});

/** A value entered by hand. */
export const KpiValueSchema = z.object({ id: z.string(), date: z.string(), value: z.number(), note: z.string() });
export type KpiValue = z.infer<typeof KpiValueSchema>;

/** Bucket sizes of a series: UTC days, ISO weeks (from Monday) and calendar months. */
export const KpiBucketSchema = z.enum(["day", "week", "month"]);
export type KpiBucket = z.infer<typeof KpiBucketSchema>;

/** The most buckets one series may have. */
export const MAX_KPI_BUCKETS = 400;

/** The body of POST …/kpis/{kpiId}/series and …/maps/{mapId}/kpi-series: bucket size and the map's filters. */
export const KpiSeriesRequestSchema = z.strictObject({
  bucket: KpiBucketSchema.default("week"),
  filters: MetricsFiltersSchema.omit({ segment: true }).default({}),
  /** Filter to this persona's customers (its segment); the map's own segment applies otherwise. */
  personaId: IdSchema.optional(),
});
export type KpiSeriesRequestInput = z.input<typeof KpiSeriesRequestSchema>;

/** One bucket of a series: its value (null when nothing was measured) and how many it was measured on. */
export const KpiPointSchema = z.object({
  start: z.string(),
  end: z.string(),
  value: z.number().nullable(),
  /** Customers, answers or texts the value stands on (for manual values: how many were entered). */
  sample: z.number().int().min(0),
});
export type KpiPoint = z.infer<typeof KpiPointSchema>;

/** A KPI's values over time. */
export const KpiSeriesSchema = z.object({
  kpiId: z.string(),
  bucket: KpiBucketSchema,
  from: z.string(),
  to: z.string(),
  points: z.array(KpiPointSchema),
  manualValues: z.array(KpiValueSchema),
  /** Why the series could not be computed (its step was deleted from the map…); the points are then empty. */
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type KpiSeries = z.infer<typeof KpiSeriesSchema>;

/** The verdict on a shipped idea's effect on one KPI. */
export const KpiVerdictSchema = z.enum(["improved", "worse", "noChange", "notEnoughData"]);
export type KpiVerdict = z.infer<typeof KpiVerdictSchema>;

const windowSchema = z.object({
  from: z.string(),
  to: z.string(),
  value: z.number().nullable(),
  /** Customers, answers, texts or days the value stands on. */
  sample: z.number().int().min(0),
});

/** The effect of a shipped idea on one of its KPIs: before and after, the change with its 95% interval, a verdict. */
export const KpiEffectSchema = z.object({
  kpiId: z.string(),
  name: z.string(),
  measure: KpiMeasureSchema.nullable(),
  direction: z.enum(["higher", "lower"]),
  before: windowSchema,
  after: windowSchema,
  /**
   * After minus before, in the KPI's unit: for shares and reach the difference of the windows; for times and scores
   * (Mann–Whitney) the Hodges–Lehmann shift of the daily values, the quantity its interval and verdict are about.
   */
  change: z.number().nullable(),
  interval: z.tuple([z.number(), z.number()]).nullable(),
  pValue: z.number().nullable(),
  test: z.enum(["twoProportionZ", "poissonRate", "mannWhitney"]).nullable(),
  verdict: KpiVerdictSchema,
  /**
   * Why this KPI could not be measured (its step, stage or map no longer exists…), in the reader's language; its
   * verdict is then "not enough data". The idea's other KPIs are still measured.
   */
  problem: z.object({ code: z.string(), message: z.string() }).nullable().default(null),
});
export type KpiEffect = z.infer<typeof KpiEffectSchema>;

const windowDays = z.coerce.number().int().min(1).max(365);

/**
 * The query of GET and POST …/ideas/{ideaId}/kpi-effect: the days compared before the ship date (`beforeDays`) and
 * after it (`afterDays`, the trial period); `trialDays` sets both at once and each defaults to it.
 */
export const IdeaEffectQuerySchema = z.object({
  trialDays: windowDays.default(28),
  beforeDays: windowDays.optional(),
  afterDays: windowDays.optional(),
});
export type IdeaEffectQuery = z.infer<typeof IdeaEffectQuerySchema>;

/** The windows of an effect: `beforeDays` and `afterDays` given, else the trial period for each. */
export function effectWindowDays(query: { trialDays?: number; beforeDays?: number; afterDays?: number }): {
  beforeDays: number;
  afterDays: number;
} {
  const trialDays = query.trialDays ?? 28;
  return { beforeDays: query.beforeDays ?? trialDays, afterDays: query.afterDays ?? trialDays };
}

/**
 * What to bear in mind reading an effect: the windows mix weekdays differently or differ in length, the data starts
 * after the window before the ship date began or ends before the window after it did, the ship date lies before the
 * first event or after the last one, or there are no events at all.
 */
export const IdeaEffectCaveatSchema = z.enum([
  "weekdayMix",
  "windowsDiffer",
  "dataStartsLate",
  "dataEndsEarly",
  "shipDateBeforeData",
  "shipDateAfterData",
  "noEvents",
]);
export type IdeaEffectCaveat = z.infer<typeof IdeaEffectCaveatSchema>;

/** The answer of POST …/maps/{mapId}/kpi-series: the series of every KPI on the map. */
export const MapKpiSeriesSchema = z.object({ kpis: z.array(KpiSchema), series: z.array(KpiSeriesSchema) });
export type MapKpiSeries = z.infer<typeof MapKpiSeriesSchema>;

const IdeaEffectObjectSchema = z.object({
  ideaId: z.string(),
  shippedAt: z.string().nullable(),
  /** The trial period: the days after the ship date (`afterDays`). */
  trialDays: z.number().int(),
  /** Days compared before the ship date. */
  beforeDays: z.number().int(),
  /** Days compared after the ship date (the trial period). */
  afterDays: z.number().int(),
  /** The trial period has passed (else every KPI says "not enough data"). */
  ready: z.boolean(),
  readyOn: z.string().nullable(),
  kpis: z.array(KpiEffectSchema),
  caveats: z.array(IdeaEffectCaveatSchema),
  /** Each caveat said in the reader's language, naming the dates and window lengths it is about. */
  caveatMessages: z.array(z.object({ caveat: IdeaEffectCaveatSchema, message: z.string() })).default([]),
  /** The first and the last event of the workspace's data (null without events or without KPIs from the data). */
  dataFrom: z.string().nullable().default(null),
  dataTo: z.string().nullable().default(null),
  /** When this result was recorded (moving the idea to "measured"); null for a live computation. */
  recordedAt: z.string().nullable(),
});

// Effects recorded before the windows could differ carry only `trialDays`: it was the length of both.
const withWindowDays = (raw: unknown) =>
  raw !== null && typeof raw === "object" && "trialDays" in raw && !("beforeDays" in raw)
    ? { ...raw, beforeDays: raw.trialDays, afterDays: raw.trialDays }
    : raw;

/** The measured effect of a shipped idea on its KPIs (an effect recorded by an older version reads the same). */
export const IdeaEffectSchema = z.preprocess(withWindowDays, IdeaEffectObjectSchema);
export type IdeaEffect = z.infer<typeof IdeaEffectSchema>;
