import type { EmotionMood } from "./emotionMood.js";

// The mouth's curve per mood: the control point below the corners smiles, above them frowns.
const MOUTH_BEND: Record<EmotionMood, number> = { [-2]: -4, [-1]: -2, 0: 0, 1: 2.5, 2: 4.5 };
const FILL: Record<EmotionMood, string> = {
  [-2]: "#f4b4ad",
  [-1]: "#f9d3c9",
  0: "#eef1f6",
  1: "#cdebd9",
  2: "#a8dcbc",
};

/** A small drawn face for a mood (drawn, not an emoji: every machine shows it the same). */
export function EmotionFace({
  mood,
  size = 18,
  label,
  x,
  y,
}: {
  mood: EmotionMood;
  size?: number;
  label?: string;
  /** Where it sits inside another drawing (an SVG nested in the emotion curve). */
  x?: number;
  y?: number;
}) {
  return (
    <svg
      x={x}
      y={y}
      width={size}
      height={size}
      viewBox="0 0 20 20"
      role={label ? "img" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : "true"}
      data-mood={mood}
      style={{ flex: "none" }}
    >
      <circle cx="10" cy="10" r="9" fill={FILL[mood]} stroke="#1d2430" strokeWidth="1.2" />
      <circle cx="7" cy="8" r="1.2" fill="#1d2430" />
      <circle cx="13" cy="8" r="1.2" fill="#1d2430" />
      <path
        d={`M6 ${13 - MOUTH_BEND[mood] / 4} Q10 ${13 + MOUTH_BEND[mood]} 14 ${13 - MOUTH_BEND[mood] / 4}`}
        fill="none"
        stroke="#1d2430"
        strokeWidth="1.3"
        strokeLinecap="round"
      />
    </svg>
  );
}
