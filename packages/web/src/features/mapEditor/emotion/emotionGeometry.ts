import type { EmotionScale } from "@opencjm/core";
import type { Slot } from "../store/MapView.js";

/** Where things go in the emotion lane, in pixels from the lane's inline-start edge (mirrored for right to left). */
export interface EmotionGeometry {
  width: number;
  height: number;
  /** The horizontal centre of a step's point; parallel steps share their slot side by side. */
  x(stepId: string): number | undefined;
  y(value: number): number;
  /** The value at a height, snapped to half steps and kept on the scale. */
  valueAt(y: number): number;
  /** The step whose column holds this horizontal position. */
  stepAt(x: number): string | undefined;
}

/** Rounds to the nearest half step and keeps the value on the scale. */
export function snapEmotion(value: number, scale: Pick<EmotionScale, "min" | "max">): number {
  return Math.min(scale.max, Math.max(scale.min, Math.round(value * 2) / 2));
}

/** Lays out the emotion lane over the grid's column slots of width `columnWidth`. */
export function emotionGeometry(slots: readonly Slot[], columnWidth: number, height: number, scale: Pick<EmotionScale, "min" | "max">, rtl: boolean): EmotionGeometry {
  const width = slots.length * columnWidth;
  const pad = Math.max(10, height * 0.1);
  const centres = new Map<string, number>();
  const spans: Array<{ stepId: string; from: number; to: number }> = [];
  slots.forEach((slot, i) => {
    const share = columnWidth / Math.max(1, slot.steps.length);
    slot.steps.forEach((step, j) => {
      const from = i * columnWidth + j * share;
      centres.set(step.id, from + share / 2);
      spans.push({ stepId: step.id, from, to: from + share });
    });
  });
  const mirror = (x: number) => (rtl ? width - x : x);
  const span = scale.max - scale.min;
  return {
    width,
    height,
    x: (stepId) => {
      const c = centres.get(stepId);
      return c === undefined ? undefined : mirror(c);
    },
    y: (value) => pad + ((scale.max - value) / span) * (height - 2 * pad),
    valueAt: (y) => snapEmotion(scale.max - ((y - pad) / (height - 2 * pad)) * span, scale),
    stepAt: (x) => {
      const logical = mirror(x);
      return spans.find((s) => logical >= s.from && logical < s.to)?.stepId;
    },
  };
}

/** An SVG path through the points, smoothed (a Catmull-Rom spline as cubic Béziers) so the curve reads as a mood. */
export function curvePath(points: ReadonlyArray<{ x: number; y: number }>): string {
  if (points.length === 0) return "";
  const [first] = points;
  let d = `M${first!.x.toFixed(1)},${first!.y.toFixed(1)}`;
  for (let i = 1; i < points.length; i++) {
    const p0 = points[i - 2] ?? points[i - 1]!;
    const p1 = points[i - 1]!;
    const p2 = points[i]!;
    const p3 = points[i + 1] ?? p2;
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 };
    d += ` C${c1.x.toFixed(1)},${c1.y.toFixed(1)} ${c2.x.toFixed(1)},${c2.y.toFixed(1)} ${p2.x.toFixed(1)},${p2.y.toFixed(1)}`;
  }
  return d;
}
