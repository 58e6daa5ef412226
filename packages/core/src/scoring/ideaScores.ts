import { z } from "zod";

/**
 * ICE: impact, confidence and ease, each 1–10; the score is their product (1–1,000). Whole numbers only, so two
 * people scoring "7, 5, 8" always get the same 280.
 */
export const IceInputSchema = z.strictObject({
  impact: z.number().int().min(1).max(10),
  confidence: z.number().int().min(1).max(10),
  ease: z.number().int().min(1).max(10),
});
export type IceInput = z.infer<typeof IceInputSchema>;

/**
 * RICE: reach (people or events per period), impact (Intercom's scale: 0.25 minimal, 0.5 low, 1 medium, 2 high,
 * 3 massive), confidence in percent (0–100) and effort in person-months (more than 0).
 */
export const RiceInputSchema = z.strictObject({
  reach: z.number().min(0).max(1_000_000_000),
  impact: z.number().min(0.25).max(3),
  confidence: z.number().min(0).max(100),
  effort: z.number().min(0.01).max(1000),
});
export type RiceInput = z.infer<typeof RiceInputSchema>;

/** ICE score: impact × confidence × ease. */
export function iceScore(ice: IceInput): number {
  return ice.impact * ice.confidence * ice.ease;
}

/**
 * RICE score: (reach × impact × confidence) / effort, with confidence as a fraction (80 % → 0.8), rounded to two
 * decimals so the number shown is the number sorted by.
 */
export function riceScore(rice: RiceInput): number {
  return Math.round(((rice.reach * rice.impact * (rice.confidence / 100)) / rice.effort) * 100) / 100;
}

/** Where an idea sits on the impact/effort matrix, both 0–1 (0.5 is the quadrant line). */
export const MatrixPositionSchema = z.strictObject({
  impact: z.number().min(0).max(1),
  effort: z.number().min(0).max(1),
});
export type MatrixPosition = z.infer<typeof MatrixPositionSchema>;

export const MATRIX_QUADRANTS = ["quickWin", "bigBet", "fillIn", "moneyPit"] as const;
/** The four quadrants: high impact and low effort is a quick win, high/high a big bet, low/low a fill-in, low impact and high effort a money pit. */
export type MatrixQuadrant = (typeof MATRIX_QUADRANTS)[number];

/** The quadrant a position falls in; the lines at 0.5 belong to the higher half. */
export function matrixQuadrant(position: MatrixPosition): MatrixQuadrant {
  const highImpact = position.impact >= 0.5;
  const highEffort = position.effort >= 0.5;
  if (highImpact) return highEffort ? "bigBet" : "quickWin";
  return highEffort ? "moneyPit" : "fillIn";
}
