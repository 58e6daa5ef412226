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
export function emotionGeometry(
  slots: readonly Slot[],
  columnWidth: number,
  height: number,
  scale: Pick<EmotionScale, "min" | "max">,
  rtl: boolean,
): EmotionGeometry {
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

/**
 * An SVG path through the points, smoothed as a monotone cubic (Fritsch–Carlson): the curve reads as a mood, yet never
 * swings above or below the points it joins — a smoothed line must not show an emotion nobody recorded.
 */
export function curvePath(points: ReadonlyArray<{ x: number; y: number }>): string {
  const n = points.length;
  if (n === 0) return "";
  const f = (v: number) => v.toFixed(1);
  let d = `M${f(points[0]!.x)},${f(points[0]!.y)}`;
  if (n === 1) return d;
  const slopes: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    const dx = points[i + 1]!.x - points[i]!.x;
    slopes.push(dx === 0 ? 0 : (points[i + 1]!.y - points[i]!.y) / dx);
  }
  const tangents = points.map((_, i) => {
    if (i === 0) return slopes[0]!;
    if (i === n - 1) return slopes[n - 2]!;
    const [a, b] = [slopes[i - 1]!, slopes[i]!];
    return a * b <= 0 ? 0 : (a + b) / 2;
  });
  for (let i = 0; i < n - 1; i++) {
    const m = slopes[i]!;
    if (m === 0) {
      tangents[i] = 0;
      tangents[i + 1] = 0;
      continue;
    }
    const [a, b] = [tangents[i]! / m, tangents[i + 1]! / m];
    const h = a * a + b * b;
    if (h > 9) {
      const t = 3 / Math.sqrt(h);
      tangents[i] = t * a * m;
      tangents[i + 1] = t * b * m;
    }
  }
  for (let i = 0; i < n - 1; i++) {
    const p = points[i]!;
    const q = points[i + 1]!;
    const third = (q.x - p.x) / 3;
    d += ` C${f(p.x + third)},${f(p.y + tangents[i]! * third)} ${f(q.x - third)},${f(q.y - tangents[i + 1]! * third)} ${f(q.x)},${f(q.y)}`;
  }
  return d;
}
