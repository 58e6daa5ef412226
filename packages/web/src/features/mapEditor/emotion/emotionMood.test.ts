import { describe, expect, it } from "vitest";
import { emotionMood } from "./emotionMood.js";

describe("emotion moods", () => {
  it("goes from very unhappy at the bottom of the scale to very happy at its top, whatever the scale", () => {
    const scale = { min: -2, max: 2 };
    expect([-2, -1, 0, 1, 2].map((v) => emotionMood(v, scale))).toEqual([-2, -1, 0, 1, 2]);
    expect(emotionMood(1, { min: 1, max: 10 })).toBe(-2);
    expect(emotionMood(10, { min: 1, max: 10 })).toBe(2);
    expect(emotionMood(5.5, { min: 1, max: 10 })).toBe(0);
  });
});
