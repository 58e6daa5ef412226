import type { EmotionScale } from "@opencjm/core";

/** A feeling in five moods, from very unhappy (-2) to very happy (2). */
export type EmotionMood = -2 | -1 | 0 | 1 | 2;

/**
 * The mood of a value on the map's scale: the scale cut into five equal bands, its bottom fifth very unhappy and its
 * top fifth very happy, so faces read the same whatever numbers the scale uses.
 */
export function emotionMood(value: number, scale: Pick<EmotionScale, "min" | "max">): EmotionMood {
  const span = scale.max - scale.min;
  const share = span > 0 ? (value - scale.min) / span : 0.5;
  return (Math.min(4, Math.max(0, Math.floor(share * 5))) - 2) as EmotionMood;
}

/** The word for each mood (`editor.emotion.mood.*`), said with a point's number so its face is not the only cue. */
export const MOOD_LABEL_KEYS: Record<EmotionMood, string> = {
  [-2]: "editor.emotion.mood.veryUnhappy",
  [-1]: "editor.emotion.mood.unhappy",
  0: "editor.emotion.mood.neutral",
  1: "editor.emotion.mood.happy",
  2: "editor.emotion.mood.veryHappy",
};
