import { z } from "zod";

/** What a drift flag watches at a step: conversion to the next step, median time to it, share of negative feedback. */
export const DriftMeasureSchema = z.enum(["conversion", "medianTime", "negativeShare"]);
export type DriftMeasure = z.infer<typeof DriftMeasureSchema>;

/**
 * When a step counts as drifting (PRODUCT.md §4.7, "keep the map alive"): the last `periodDays` of data (up to now, less
 * `settleDays`) against the `periodDays` before; a move at least this large (shares in points of 0…1, times relative), significant at 5%, with
 * at least `minSample` customers (or texts) in each period.
 */
export const DriftSettingsSchema = z.strictObject({
  periodDays: z.number().int().min(7).max(91).default(28),
  /** Smallest change of a conversion rate flagged, as a share (0.05 = 5 points). */
  conversionPoints: z.number().min(0.001).max(1).default(0.05),
  /** Smallest relative change of the median time flagged (0.25 = 25% slower or faster). */
  timeChange: z.number().min(0.01).max(10).default(0.25),
  /** Smallest change of the share of negative feedback flagged, as a share. */
  negativePoints: z.number().min(0.001).max(1).default(0.1),
  /**
   * The newest days of data left out of the later period: customers who reached a step then may still be on their way
   * to the next, which would read as a drop.
   */
  settleDays: z.number().int().min(0).max(60).default(7),
  /** Customers (or texts) each period needs before a change there may be flagged. */
  minSample: z.number().int().min(5).max(1_000_000).default(30),
});
export type DriftSettings = z.infer<typeof DriftSettingsSchema>;

const side = z.object({ value: z.number().nullable(), sample: z.number().int().min(0) });

/** One measure of one step in both periods, its change, the test and whether it is flagged. */
export const DriftMeasurementSchema = z.object({
  measure: DriftMeasureSchema,
  before: side,
  after: side,
  /** after − before (times in milliseconds); null when either side has no value. */
  change: z.number().nullable(),
  interval: z.tuple([z.number(), z.number()]).nullable(),
  pValue: z.number().nullable(),
  flagged: z.boolean(),
  /** Whether the move is for the better (higher conversion, shorter time, less negative feedback). */
  better: z.boolean().nullable(),
});
export type DriftMeasurement = z.infer<typeof DriftMeasurementSchema>;

/** A step of a map with its measured drift. */
export const StepDriftSchema = z.object({
  stepId: z.string(),
  stageId: z.string(),
  name: z.string(),
  measures: z.array(DriftMeasurementSchema),
});
export type StepDrift = z.infer<typeof StepDriftSchema>;

const period = z.object({ from: z.string(), to: z.string() });

/** GET …/maps/{mapId}/drift: every step of the map measured in both periods, flagged ones marked. */
export const MapDriftSchema = z.object({
  mapId: z.string(),
  before: period,
  after: period,
  settings: DriftSettingsSchema,
  steps: z.array(StepDriftSchema),
});
export type MapDrift = z.infer<typeof MapDriftSchema>;

/** GET …/drift: the workspace digest, the flagged steps of every map with data. */
export const DriftDigestSchema = z.object({
  before: period,
  after: period,
  settings: DriftSettingsSchema,
  maps: z.array(
    z.object({
      mapId: z.string(),
      title: z.string(),
      steps: z.array(StepDriftSchema),
    }),
  ),
});
export type DriftDigest = z.infer<typeof DriftDigestSchema>;

/** GET and PUT …/drift/subscription: whether the caller gets the weekly digest by e-mail. */
export const DriftSubscriptionSchema = z.strictObject({ weeklyEmail: z.boolean() });
export type DriftSubscription = z.infer<typeof DriftSubscriptionSchema>;
